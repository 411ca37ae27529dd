package org.microloan.cli;

import java.math.BigDecimal;

import org.microloan.money.Rate;
import org.microloan.schedule.LoanTerms;
import org.microloan.servicing.ServicingTerms;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The product's rules for a loan in its life: penalties, and the cap they stay under. */
final class ServicingOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--prepayment-penalty", converter = FlagTypes.Percent.class, defaultValue = "0",
            paramLabel = "PERCENT", description = "Penalty on principal repaid early, percent of it; default 0.")
    BigDecimal prepaymentPenalty;

    @Option(names = "--max-prepayment-penalty", converter = FlagTypes.Percent.class, defaultValue = "1",
            paramLabel = "PERCENT", description = "The most the product allows; default ${DEFAULT-VALUE}.")
    BigDecimal maxPrepaymentPenalty;

    @Option(names = "--penalty-multiple", defaultValue = "1.5", paramLabel = "X",
            description = "Overdue penalty interest as a multiple of the contract rate; default ${DEFAULT-VALUE}.")
    BigDecimal penaltyMultiple;

    @Mixin
    CapOptions cap;

    ServicingTerms terms(LoanTerms loan) {
        ServicingTerms defaults = ServicingTerms.defaults();
        ServicingTerms terms;
        try {
            terms = new ServicingTerms(Rate.fromPercent(prepaymentPenalty), Rate.fromPercent(maxPrepaymentPenalty),
                    penaltyMultiple, defaults.allocationOrder(), defaults.cap(),
                    defaults.partialRepayment());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(),
                    "Invalid value for option '--prepayment-penalty': " + e.getMessage());
        }
        return cap.limit(loan.start(), true).map(limit -> terms.withCap(limit.rate())).orElse(terms);
    }
}
