package org.microloan.cli;

import java.math.BigDecimal;

import org.microloan.money.Rate;
import org.microloan.schedule.DayCount;
import org.microloan.schedule.LoanTerms;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** A contract rate, as people quote it: percent a year, or percent a day. */
final class RateOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--annual-rate", converter = FlagTypes.Percent.class, paramLabel = "PERCENT",
            description = "Contract rate in percent a year: 24 is 24%%.")
    BigDecimal annualRate;

    @Option(names = "--daily-rate", converter = FlagTypes.Percent.class, paramLabel = "PERCENT",
            description = "Contract rate in percent a day, instead of --annual-rate: 0.05 is 0.05%%.")
    BigDecimal dailyRate;

    boolean given() {
        return annualRate != null || dailyRate != null;
    }

    /**
     * The rate as a fraction a year. A daily rate is turned into a year of the day count's days (360 for
     * 30/360 and ACT/360, the PBoC convention; 365 for ACT/365).
     */
    BigDecimal annualRate(DayCount dayCount) {
        if ((annualRate == null) == (dailyRate == null)) {
            throw new ParameterException(spec.commandLine(), (annualRate == null ? "Missing" : "Conflicting")
                    + " rate: give exactly one of --annual-rate PERCENT (24 is 24% a year)"
                    + " or --daily-rate PERCENT (0.05 is 0.05% a day)");
        }
        if (annualRate != null) {
            return Rate.fromPercent(annualRate);
        }
        return LoanTerms.annualRateFromDaily(Rate.fromPercent(dailyRate), dayCount == null ? DayCount.ACT_360 : dayCount);
    }
}
