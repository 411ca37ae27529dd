package org.microloan.cli;

import java.util.List;

import org.microloan.money.Money;
import org.microloan.pricing.AnnualPercentageRate;
import org.microloan.schedule.RepaymentSchedule;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "schedule", mixinStandardHelpOptions = true,
        description = "The repayment schedule of a loan, with its APR.")
final class ScheduleCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Mixin
    LoanOptions loan;

    /** {@code emi} only for EQUAL_INSTALLMENT. */
    public record Output(String emi, String apr, String totalPrincipal, String totalInterest,
                         List<InstallmentJson> installments) {
    }

    @Override
    public void run() {
        RepaymentSchedule schedule = RepaymentSchedule.of(loan.terms());
        LoanCtl.print(spec, new Output(
                schedule.emi().map(Money::toString).orElse(null),
                AnnualPercentageRate.of(schedule).percent().toPlainString(),
                schedule.totalPrincipal().toString(),
                schedule.totalInterest().toString(),
                schedule.installments().stream().map(InstallmentJson::of).toList()));
    }
}
