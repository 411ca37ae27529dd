package org.microloan.benchmarks;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;

import org.microloan.money.Money;
import org.microloan.pricing.AnnualPercentageRate;
import org.microloan.schedule.DayCount;
import org.microloan.schedule.Frequency;
import org.microloan.schedule.LoanTerms;
import org.microloan.schedule.RepaymentMethod;
import org.microloan.schedule.RepaymentSchedule;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The engine's two hot paths: building a long schedule, and solving its APR (the IRR in BigDecimal).
 * A 30-year loan at 4.9% with an up-front fee, on ACT/365 so every period has its own rate.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EngineBenchmark {

    private final LoanTerms terms = new LoanTerms(Money.of("1000000"), new BigDecimal("0.049"), 360,
            RepaymentMethod.EQUAL_INSTALLMENT, DayCount.ACT_365, Frequency.MONTHLY, LocalDate.parse("2026-01-31"),
            null, RoundingMode.HALF_UP, Money.of("5000"));

    private final RepaymentSchedule schedule = RepaymentSchedule.of(terms);

    private final LoanTerms dailyAccrual = new LoanTerms(Money.of("5000"),
            LoanTerms.annualRateFromDaily(new BigDecimal("0.0003"), DayCount.ACT_360), 3, RepaymentMethod.DAILY_ACCRUAL,
            DayCount.ACT_360, Frequency.MONTHLY, LocalDate.parse("2026-01-31"), null, RoundingMode.HALF_UP, Money.of("50"));

    private final RepaymentSchedule dailySchedule = RepaymentSchedule.of(dailyAccrual);

    @Benchmark
    public RepaymentSchedule schedule360Periods() {
        return RepaymentSchedule.of(terms);
    }

    @Benchmark
    public AnnualPercentageRate aprOf360Periods() {
        return AnnualPercentageRate.of(schedule);
    }

    @Benchmark
    public AnnualPercentageRate aprOnActualDays() {
        return AnnualPercentageRate.of(dailySchedule);
    }
}
