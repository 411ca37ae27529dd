package org.microloan.cli;

import java.util.List;

import org.microloan.pricing.AnnualPercentageRate;
import org.microloan.pricing.CashFlow;
import org.microloan.schedule.RepaymentSchedule;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "apr", mixinStandardHelpOptions = true,
        description = "The APR disclosed to the borrower, of a loan or of cash flows, and the effective annual rate.")
final class AprCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Mixin
    LoanOptions loan;

    @Option(names = "--cashflow", arity = "1..*", converter = FlagTypes.Flow.class, paramLabel = "DATE:AMOUNT",
            description = "Instead of a loan: flows on actual days, received positive, paid negative.")
    List<CashFlow> cashFlows;

    public record Output(String apr, String effectiveAnnualRate) {
    }

    @Override
    public void run() {
        AnnualPercentageRate apr;
        if (cashFlows != null) {
            if (loan.given()) {
                throw new ParameterException(spec.commandLine(),
                        "give either the loan's flags or --cashflow DATE:AMOUNT ..., not both");
            }
            apr = AnnualPercentageRate.onActualDays(cashFlows);
        } else {
            apr = AnnualPercentageRate.of(RepaymentSchedule.of(loan.terms()));
        }
        LoanCtl.print(spec, new Output(apr.percent().toPlainString(), apr.effectivePercent().toPlainString()));
    }
}
