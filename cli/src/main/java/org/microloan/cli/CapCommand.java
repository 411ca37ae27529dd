package org.microloan.cli;

import java.util.concurrent.Callable;

import org.microloan.money.Rate;
import org.microloan.pricing.RateCap;
import org.microloan.schedule.DayCount;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "cap", mixinStandardHelpOptions = true,
        description = "Whether a rate may be charged under the legal cap on the contract date; exit 1 when not.")
final class CapCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    RateOptions rate;

    @Mixin
    CapOptions cap;

    public record Output(boolean allowed, String cap, String rule) {
    }

    @Override
    public Integer call() {
        if (cap.contractDate == null) {
            throw new ParameterException(spec.commandLine(),
                    "Missing required option: '--contract-date': send the day the contract is signed, YYYY-MM-DD");
        }
        RateCap.Limit limit = cap.limit(cap.contractDate, false).orElseThrow(() -> new ParameterException(spec.commandLine(),
                "Invalid value for option '--basis': cap needs LPR4X or FIXED24 but was 'NONE'"));
        RateCap.CapCheck check = RateCap.CapCheck.of(rate.annualRate(DayCount.ACT_360), limit);
        LoanCtl.print(spec, new Output(check.allowed(), Rate.toPercent(check.cap(), 2).toPlainString(), check.rule()));
        if (check.allowed()) {
            return 0;
        }
        spec.commandLine().getErr().println("loanctl: " + Rate.toPercent(check.rate(), 2) + "% is "
                + Rate.toPercent(check.excess(), 2) + " points over the cap of " + Rate.toPercent(check.cap(), 2)
                + "% (" + check.rule() + ")");
        return LoanCtl.REFUSED;
    }
}
