package org.microloan.cli;

import java.util.List;

import org.microloan.money.Money;
import org.microloan.schedule.LoanTerms;
import org.microloan.servicing.Prepayment;
import org.microloan.servicing.PrepaymentChoice;
import org.microloan.servicing.PrepaymentResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "prepay", mixinStandardHelpOptions = true,
        description = "A partial prepayment: what is paid on the day, and the schedule after it.")
final class PrepayCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Mixin
    LoanOptions loan;

    @Mixin
    ServicingOptions servicing;

    @Mixin
    PositionOptions position;

    @Option(names = "--amount", required = true, converter = FlagTypes.Amount.class, paramLabel = "YUAN",
            description = "Principal to repay early.")
    Money amount;

    @Option(names = "--choice", required = true, paramLabel = "CHOICE",
            description = "One of ${COMPLETION-CANDIDATES}.")
    PrepaymentChoice choice;

    /** {@code emi} only for EQUAL_INSTALLMENT. */
    public record Output(String principalPrepaid, String accruedInterest, String penalty, String payment, String emi,
                         String remainingInterest, List<InstallmentJson> installments) {
    }

    @Override
    public void run() {
        LoanTerms terms = loan.terms();
        PrepaymentResult result = Prepayment.apply(position.position(terms), position.on, amount, choice, servicing.terms(terms));
        LoanCtl.print(spec, new Output(result.principalPrepaid().toString(), result.accruedInterest().toString(),
                result.penalty().toString(), result.payment().toString(),
                result.emi().map(Money::toString).orElse(null), result.remainingInterest().toString(),
                result.remaining().stream().map(InstallmentJson::of).toList()));
    }
}
