package org.microloan.cli;


import org.microloan.schedule.LoanTerms;
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

    @Mixin
    PositionOptions position;

    public record Output(String principal, String interest, String penalty, String total) {
    }

    @Override
    public void run() {
        LoanTerms terms = loan.terms();
        PayoffQuote quote = Payoff.quote(position.position(terms), position.on,
                servicing.terms(terms));
        LoanCtl.print(spec, new Output(quote.principal().toString(), quote.interest().toString(),
                quote.prepaymentPenalty().toString(), quote.total().toString()));
    }
}
