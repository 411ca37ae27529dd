package org.microloan.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.microloan.decision.CreditDecision;
import org.microloan.decision.Decision;
import org.microloan.decision.Reason;
import org.microloan.money.Money;
import org.microloan.product.DecisionPolicy;
import org.microloan.product.ProductCatalogue;
import org.microloan.scoring.CreditScore;
import org.microloan.scoring.Scorecard;
import org.microloan.training.ApplicantCsv;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "score", mixinStandardHelpOptions = true,
        description = "Score a CSV of applicants in credit_data's columns (Status optional and ignored): the same"
                + " rows come out with pd,score,grade,decision,reasons added. Unreadable rows are reported by line"
                + " number on stderr and written with decision=ERROR; the rest are still scored.")
final class ScoreCommand implements Runnable {

    static final String ADDED = "pd,score,grade,decision,reasons";

    @Spec
    CommandSpec spec;

    @Option(names = "--input", required = true, paramLabel = "CSV", description = "Applicants to score.")
    Path input;

    @Option(names = "--output", required = true, paramLabel = "CSV", description = "Where the scored rows go.")
    Path output;

    @Option(names = "--scorecard", paramLabel = "FILE", description = "A scorecard file; default the shipped one.")
    Path scorecardFile;

    public record Output(int scored, int errors, String modelVersion, String output) {
    }

    @Override
    public void run() {
        Scorecard scorecard = scorecard();
        ProductCatalogue catalogue = ProductCatalogue.bundled();
        DecisionPolicy policy = catalogue.decisionPolicy();
        ApplicantCsv.Parsed parsed = ApplicantCsv.parse(LoanCtl.read("--input", input).lines().toList());
        List<Line> out = new ArrayList<>();
        for (ApplicantCsv.Row row : parsed.rows()) {
            CreditScore score = scorecard.score(row.profile());
            // the CSV's Amount is in the model's units; the review line is in CNY
            Decision decision = CreditDecision.onScore(score,
                    row.profile().amount() == null ? Money.ZERO
                            : catalogue.modelUnits().amountInCny(row.profile().amount()), scorecard, policy);
            String reasons = decision instanceof Decision.Declined declined
                    ? declined.reasons().stream().map(Reason::code).collect(Collectors.joining("|")) : "";
            out.add(new Line(row.line(), row.text() + "," + score.pd().toPlainString() + "," + score.score() + ","
                    + score.grade() + "," + decision.outcome() + "," + reasons));
        }
        for (ApplicantCsv.Error error : parsed.errors()) {
            spec.commandLine().getErr().println("loanctl: " + input + " line " + error.line() + ": " + error.message());
            out.add(new Line(error.line(), error.text() + ",,,,ERROR,"));
        }
        out.sort((a, b) -> Integer.compare(a.number(), b.number()));
        try (BufferedWriter writer = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
            writer.write(parsed.header() + "," + ADDED);
            writer.newLine();
            for (Line line : out) {
                writer.write(line.text());
                writer.newLine();
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write --output " + output + ": " + e.getMessage());
        }
        LoanCtl.print(spec, new Output(parsed.rows().size(), parsed.errors().size(), scorecard.version(), output.toString()));
    }

    private record Line(int number, String text) {
    }

    private Scorecard scorecard() {
        return scorecardFile == null ? Scorecard.bundled() : Scorecard.parse(LoanCtl.read("--scorecard", scorecardFile));
    }
}
