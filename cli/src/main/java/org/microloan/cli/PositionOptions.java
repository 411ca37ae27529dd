package org.microloan.cli;

import java.time.LocalDate;

import org.microloan.schedule.LoanTerms;
import org.microloan.schedule.RepaymentSchedule;
import org.microloan.servicing.LoanPosition;
import picocli.CommandLine.Option;

/** Where the loan stands on a day: which installments were paid, and the day itself. */
final class PositionOptions {

    @Option(names = "--on", required = true, converter = FlagTypes.Date.class, paramLabel = "DATE",
            description = "The day of the payment, YYYY-MM-DD.")
    LocalDate on;

    @Option(names = "--paid-installments", defaultValue = "0", paramLabel = "N",
            description = "The first N installments were paid on their due dates; default 0.")
    int paidInstallments;

    LoanPosition position(LoanTerms terms) {
        return new LoanPosition(RepaymentSchedule.of(terms), paidInstallments);
    }
}
