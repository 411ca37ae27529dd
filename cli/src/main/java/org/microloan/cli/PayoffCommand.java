package org.microloan.cli;

import java.time.LocalDate;

import org.microloan.schedule.LoanTerms;
import org.microloan.schedule.RepaymentSchedule;
import org.microloan.servicing.LoanPosition;
import org.microloan.servicing.Payoff;
import org.microloan.servicing.PayoffQuote;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "payoff", mixinStandardHelpOptions = true,
        description = "What settles the loan in full on a day: principal, interest (with any penalty interest), penalty.")
final class PayoffCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Mixin
    LoanOptions loan;

    @Mixin
    ServicingOptions servicing;

    @Option(names = "--on", required = true, converter = FlagTypes.Date.class, paramLabel = "DATE",
            description = "The day of the pay-off, YYYY-MM-DD.")
    LocalDate on;

    @Option(names = "--paid-installments", defaultValue = "0", paramLabel = "N",
            description = "The first N installments were paid on their due dates; default 0.")
    int paidInstallments;

    public record Output(String principal, String interest, String penalty, String total) {
    }

    @Override
    public void run() {
        LoanTerms terms = loan.terms();
        PayoffQuote quote = Payoff.quote(new LoanPosition(RepaymentSchedule.of(terms), paidInstallments), on,
                servicing.terms(terms));
        LoanCtl.print(spec, new Output(quote.principal().toString(), quote.interest().toString(),
                quote.prepaymentPenalty().toString(), quote.total().toString()));
    }
}
