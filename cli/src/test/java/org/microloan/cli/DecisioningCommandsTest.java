package org.microloan.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.microloan.cli.Run.loanctl;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** loanctl's identity and scoring commands, as a user runs them. */
class DecisioningCommandsTest {

    @Test
    void checkId_publishedExample() {
        Run run = loanctl("check-id", "11010519491231002X");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).isEqualTo("{\"valid\":true,\"birthDate\":\"1949-12-31\",\"sex\":\"F\",\"masked\":\"110105********002X\"}");
    }

    @Test
    void checkId_alteredNumber_isRefusedWithTheReason_andNeverEchoed() {
        Run run = loanctl("check-id", "11010519491231003X");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).isEqualTo("{\"valid\":false,\"masked\":\"110105********003X\",\"failures\":[\"ID_CHECKSUM\"]}");
        assertThat(run.out() + run.err()).doesNotContain("19491231");
    }

    @Test
    void checkUscc_publishedExample_andAnAlteredOne() {
        assertThat(loanctl("check-uscc", "91350100M000100Y43")).isEqualTo(new Run(0, "{\"valid\":true}", ""));
        assertThat(loanctl("check-uscc", "91350100M000100Y44"))
                .isEqualTo(new Run(1, "{\"valid\":false,\"failures\":[\"USCC_CHECKSUM\"]}", ""));
    }

    @Test
    void score_addsTheColumns_reportsBadRowsByLine_andScoresTheRest(@TempDir Path dir) throws Exception {
        Path input = Files.write(dir.resolve("in.csv"), List.of(
                "Status,Seniority,Home,Time,Age,Marital,Records,Job,Expenses,Income,Assets,Debt,Amount,Price",
                "good,9,owner,48,26,married,no,fixed,35,101,5000,0,500,1997",
                "bad,0,rent,60,22,single,yes,partime,75,NA,0,0,1500,1500",
                "good,9,owner,forty,26,married,no,fixed,35,101,5000,0,500,1997"));
        Path output = dir.resolve("out.csv");

        Run run = loanctl("score", "--input", input.toString(), "--output", output.toString());

        assertThat(run.exit()).isZero();
        assertThat(run.out()).startsWith("{\"scored\":2,\"errors\":1,\"modelVersion\":\"cs-");
        assertThat(run.err()).isEqualTo("loanctl: " + input + " line 4: Time 'forty' is not a number (or NA)");
        List<String> lines = Files.readAllLines(output);
        assertThat(lines.get(0)).endsWith(",Price,pd,score,grade,decision,reasons");
        assertThat(lines.get(1)).matches("good,9,owner,48,.*,0\\.\\d{4},\\d{3},[A-D],APPROVE,");
        // no seniority (56 points short of the best) and past defaults (49 short) cost the most
        assertThat(lines.get(2)).matches("bad,0,rent,.*,E,DECLINE,SENIORITY\\|RECORDS(\\|[A-Z_]+){0,2}");
        assertThat(lines.get(3)).isEqualTo("good,9,owner,forty,26,married,no,fixed,35,101,5000,0,500,1997,,,,ERROR,");
    }

    @Test
    void score_fileWithoutTheColumns_exit2() throws Exception {
        Path input = Files.createTempFile("applicants", ".csv");
        Files.write(input, List.of("Name,Age", "x,30"));

        Run run = loanctl("score", "--input", input.toString(), "--output", input + ".out");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).startsWith("loanctl: the header lacks the column(s) [Seniority, Home, Time,");
    }

    @Test
    void train_reproducesTheCommittedScorecard(@TempDir Path dir) throws Exception {
        Path scorecard = dir.resolve("scorecard.txt");
        Path report = dir.resolve("report.md");

        Run run = loanctl("train", "--data", "../data/credit_data.csv", "--scorecard", scorecard.toString(),
                "--report", report.toString());

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("\"validationAuc\":\"0.8556\"");
        assertThat(Files.readString(scorecard)).isEqualTo(
                Files.readString(Path.of("../shared-model/src/main/resources/org/microloan/scoring/scorecard.txt")));
        assertThat(Files.readString(report)).contains("## Calibration");
    }
}
