package org.microloan.cli;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

import org.microloan.money.Money;
import org.microloan.schedule.DayCount;
import org.microloan.schedule.Frequency;
import org.microloan.schedule.LoanTerms;
import org.microloan.schedule.RepaymentMethod;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The flags that describe a loan, shared by every command that computes one. */
final class LoanOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--principal", converter = FlagTypes.Amount.class, paramLabel = "YUAN",
            description = "Amount lent, e.g. 12000.")
    Money principal;

    @Mixin
    RateOptions rate;

    @Option(names = "--periods", paramLabel = "N", description = "Number of installments.")
    Integer periods;

    @Option(names = "--method", paramLabel = "METHOD",
            description = "One of ${COMPLETION-CANDIDATES}.")
    RepaymentMethod method;

    @Option(names = "--day-count", converter = FlagTypes.Convention.class, paramLabel = "CONVENTION",
            description = "30/360, ACT/360 or ACT/365.")
    DayCount dayCount;

    @Option(names = "--start", converter = FlagTypes.Date.class, paramLabel = "DATE",
            description = "Day the money is paid out, YYYY-MM-DD.")
    LocalDate start;

    @Option(names = "--first-due", converter = FlagTypes.Date.class, paramLabel = "DATE",
            description = "First due date; default one period after --start.")
    LocalDate firstDue;

    @Option(names = "--frequency", defaultValue = "MONTHLY", paramLabel = "FREQUENCY",
            description = "One of ${COMPLETION-CANDIDATES}; default ${DEFAULT-VALUE}.")
    Frequency frequency;

    @Option(names = "--rounding", defaultValue = "HALF_UP", paramLabel = "MODE",
            description = "HALF_UP or HALF_EVEN; default ${DEFAULT-VALUE}.")
    RoundingMode rounding;

    @Option(names = "--fee", converter = FlagTypes.Amount.class, paramLabel = "YUAN",
            description = "Up-front fee kept from the payout; counts in the APR.")
    Money fee;

    /** Whether any loan flag was given (apr takes either a loan or cash flows). */
    boolean given() {
        return principal != null || rate.given() || periods != null || method != null
                || dayCount != null || start != null || firstDue != null || fee != null;
    }

    LoanTerms terms() {
        require(principal, "--principal", "an amount in yuan, e.g. 12000");
        require(periods, "--periods", "the number of installments, e.g. 12");
        require(method, "--method", "one of EQUAL_INSTALLMENT, EQUAL_PRINCIPAL, INTEREST_ONLY, DAILY_ACCRUAL, FLAT");
        require(dayCount, "--day-count", "one of " + DayCount.labels());
        require(start, "--start", "the payout date as YYYY-MM-DD");
        if (!principal.isPositive()) {
            throw invalid("--principal", "send an amount above 0, not " + principal);
        }
        if (periods < 1 || periods > LoanTerms.MAX_PERIODS) {
            throw invalid("--periods", "send 1 to " + LoanTerms.MAX_PERIODS + ", not " + periods);
        }
        if (rounding != RoundingMode.HALF_UP && rounding != RoundingMode.HALF_EVEN) {
            throw invalid("--rounding", "expected HALF_UP or HALF_EVEN but was '" + rounding + "'");
        }
        return new LoanTerms(principal, rate.annualRate(dayCount), periods, method, dayCount, frequency, start, firstDue, rounding, fee);
    }

    private ParameterException invalid(String flag, String what) {
        return new ParameterException(spec.commandLine(), "Invalid value for option '" + flag + "': " + what);
    }

    private void require(Object value, String flag, String what) {
        if (value == null) {
            throw new ParameterException(spec.commandLine(), "Missing required option: '" + flag + "': send " + what);
        }
    }
}
