package org.microloan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** loanctl as a user runs it: the README's examples print exactly these figures. */
class LoanCtlTest {

    record Run(int exit, String out, String err) {
    }

    private static Run loanctl(String command) {
        CommandLine line = LoanCtl.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        line.setOut(new PrintWriter(out));
        line.setErr(new PrintWriter(err));
        int exit = line.execute(command.trim().split("\\s+"));
        return new Run(exit, out.toString().trim(), err.toString().trim());
    }

    @Test
    void schedule_equalInstallment() {
        Run run = loanctl("schedule --principal 12000 --annual-rate 24 --periods 4 --method EQUAL_INSTALLMENT"
                + " --day-count 30/360 --start 2011-09-20 --first-due 2011-10-20");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).isEqualTo("{\"emi\":\"3151.49\",\"apr\":\"24.00\",\"totalPrincipal\":\"12000.00\","
                + "\"totalInterest\":\"605.94\",\"installments\":["
                + "{\"number\":1,\"dueDate\":\"2011-10-20\",\"principal\":\"2911.49\",\"interest\":\"240.00\",\"total\":\"3151.49\",\"balance\":\"9088.51\"},"
                + "{\"number\":2,\"dueDate\":\"2011-11-20\",\"principal\":\"2969.72\",\"interest\":\"181.77\",\"total\":\"3151.49\",\"balance\":\"6118.79\"},"
                + "{\"number\":3,\"dueDate\":\"2011-12-20\",\"principal\":\"3029.11\",\"interest\":\"122.38\",\"total\":\"3151.49\",\"balance\":\"3089.68\"},"
                + "{\"number\":4,\"dueDate\":\"2012-01-20\",\"principal\":\"3089.68\",\"interest\":\"61.79\",\"total\":\"3151.47\",\"balance\":\"0.00\"}]}");
    }

    @Test
    void schedule_otherMethods_haveNoEmi() {
        for (String method : new String[] {"EQUAL_PRINCIPAL", "INTEREST_ONLY", "DAILY_ACCRUAL", "FLAT"}) {
            for (String dayCount : new String[] {"30/360", "ACT/360", "ACT/365"}) {
                Run run = loanctl("schedule --principal 3000 --annual-rate 10.95 --periods 3 --method " + method
                        + " --day-count " + dayCount + " --start 2026-01-31");

                assertThat(run.exit()).as(method + " " + dayCount).isZero();
                assertThat(run.out()).startsWith("{\"apr\":").contains("\"totalPrincipal\":\"3000.00\"");
            }
        }
    }

    @Test
    void schedule_dailyRate_accruesOnActualDays() {
        Run run = loanctl("schedule --principal 5000 --daily-rate 0.05 --periods 1 --method DAILY_ACCRUAL"
                + " --day-count ACT/360 --start 2026-01-01");

        assertThat(run.out()).contains("\"interest\":\"77.50\"").contains("\"dueDate\":\"2026-02-01\"");
    }

    @Test
    void payoff_midPeriod() {
        Run run = loanctl("payoff --principal 100 --annual-rate 7 --periods 6 --method EQUAL_INSTALLMENT"
                + " --day-count 30/360 --start 2024-01-01 --rounding HALF_EVEN --on 2024-02-15 --paid-installments 1");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).isEqualTo("{\"principal\":\"83.57\",\"interest\":\"0.24\",\"penalty\":\"0.00\",\"total\":\"83.81\"}");
    }

    @Test
    void payoff_penaltyIsCutToTheCap() {
        Run run = loanctl("payoff --principal 100 --annual-rate 7 --periods 6 --method EQUAL_INSTALLMENT"
                + " --day-count 30/360 --start 2024-01-01 --rounding HALF_EVEN --on 2024-02-15 --paid-installments 1"
                + " --prepayment-penalty 1");

        assertThat(run.out()).isEqualTo("{\"principal\":\"83.57\",\"interest\":\"0.24\",\"penalty\":\"0.80\",\"total\":\"84.61\"}");
    }

    @Test
    void apr_withFee() {
        Run run = loanctl("apr --principal 10000 --fee 200 --annual-rate 12 --periods 12 --method EQUAL_INSTALLMENT"
                + " --day-count 30/360 --start 2026-01-01");

        assertThat(run.out()).isEqualTo("{\"apr\":\"15.85\",\"effectiveAnnualRate\":\"17.06\"}");
    }

    @Test
    void apr_ofCashFlows() {
        Run run = loanctl("apr --cashflow 2026-01-01:1000 --cashflow 2026-01-31:-1010");

        assertThat(run.out()).isEqualTo("{\"apr\":\"12.11\",\"effectiveAnnualRate\":\"12.87\"}");
    }

    @Test
    void cap_refusesEighteenPercent_exit1() {
        Run run = loanctl("cap --annual-rate 18 --contract-date 2026-11-22");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).isEqualTo("{\"allowed\":false,\"cap\":\"12.00\",\"rule\":\"4 x LPR 3.00% on 2026-11-22\"}");
        assertThat(run.err()).isEqualTo("loanctl: 18.00% is 6.00 points over the cap of 12.00% (4 x LPR 3.00% on 2026-11-22)");
    }

    @Test
    void cap_fixed24_allowsEighteenPercent() {
        Run run = loanctl("cap --annual-rate 18 --contract-date 2026-11-22 --basis FIXED24");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).isEqualTo("{\"allowed\":true,\"cap\":\"24.00\",\"rule\":\"24% comprehensive cost\"}");
    }

    @Test
    void cap_readsAConfiguredLprTable(@TempDir Path dir) throws Exception {
        Path table = Files.writeString(dir.resolve("lpr.txt"), "2026-01-20 2.80\n");

        Run run = loanctl("cap --annual-rate 12 --contract-date 2026-11-22 --lpr-table " + table);

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).isEqualTo("{\"allowed\":false,\"cap\":\"11.20\",\"rule\":\"4 x LPR 2.80% on 2026-11-22\"}");
    }

    @Test
    void prepay_lowerInstallment() {
        Run run = loanctl("prepay --principal 12000 --annual-rate 24 --periods 4 --method EQUAL_INSTALLMENT"
                + " --day-count 30/360 --start 2011-09-20 --on 2011-11-05 --paid-installments 1 --amount 3000"
                + " --choice LOWER_INSTALLMENT --basis NONE");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).startsWith("{\"principalPrepaid\":\"3000.00\",\"accruedInterest\":\"93.82\","
                + "\"penalty\":\"0.00\",\"payment\":\"3093.82\",\"emi\":\"2089.85\"");
    }

    @Test
    void wrongEnum_namesTheFlagAndTheAcceptedValues_exit2() {
        Run run = loanctl("schedule --principal 12000 --annual-rate 24 --periods 4 --method EQUAL"
                + " --day-count 30/360 --start 2011-09-20");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("'--method'").contains("EQUAL_INSTALLMENT, EQUAL_PRINCIPAL, INTEREST_ONLY,"
                + " DAILY_ACCRUAL, FLAT").contains("'EQUAL'");
    }

    @Test
    void wrongDayCount_namesTheAcceptedValues_exit2() {
        Run run = loanctl("schedule --principal 12000 --annual-rate 24 --periods 4 --method FLAT"
                + " --day-count ACT/ACT --start 2011-09-20");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("'--day-count'").contains("[30/360, ACT/360, ACT/365]");
    }

    @Test
    void missingFlag_isNamed_exit2() {
        Run run = loanctl("schedule --annual-rate 24 --periods 4 --method FLAT --day-count 30/360 --start 2011-09-20");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).startsWith("loanctl: Missing required option: '--principal'");
    }

    @Test
    void fractionsOfAFen_areRefused_exit2() {
        Run run = loanctl("schedule --principal 100.001 --annual-rate 24 --periods 4 --method FLAT"
                + " --day-count 30/360 --start 2011-09-20");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("'--principal'").contains("at most 2 decimals");
    }

    @Test
    void bothRates_areRefused_exit2() {
        Run run = loanctl("cap --annual-rate 12 --daily-rate 0.03 --contract-date 2026-11-22");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--annual-rate").contains("--daily-rate").contains("exactly one");
    }

    @Test
    void contractBeforeTheLprTable_withAnExplicitLprBasis_isRefused_exit2() {
        Run run = loanctl("payoff --principal 12000 --annual-rate 24 --periods 4 --method EQUAL_INSTALLMENT"
                + " --day-count 30/360 --start 2011-09-20 --on 2011-11-05 --paid-installments 1 --basis LPR4X");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("no LPR is configured for the contract date 2011-09-20");
    }
}
