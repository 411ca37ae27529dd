package org.microloan.properties;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.microloan.money.Money;
import org.microloan.schedule.DayCount;
import org.microloan.schedule.Frequency;
import org.microloan.schedule.LoanTerms;
import org.microloan.schedule.RepaymentMethod;

/**
 * Random loans in the range lenders write: 1,000 to 1,000,000 at 0–24% for up to 60 periods, and
 * mortgage-like loans (50,000 and up, at most 10%) for up to 30 years (360 months, 120 quarters).
 * Outside that range, the convention "EMI rounded once, the last installment takes the rest" is not
 * meant to give a sensible last installment.
 */
final class RandomLoans {

    private RandomLoans() {
    }

    static Arbitrary<LoanTerms> terms() {
        return Combinators.combine(
                Arbitraries.longs().between(100_000, 100_000_000),
                Arbitraries.integers().between(0, 2400),
                Arbitraries.integers().between(1, 360),
                Arbitraries.of(RepaymentMethod.class),
                Arbitraries.of(DayCount.class),
                Arbitraries.of(Frequency.class),
                Arbitraries.integers().between(0, 3650).map(d -> LocalDate.of(2020, 1, 1).plusDays(d)),
                Arbitraries.of(RoundingMode.HALF_UP, RoundingMode.HALF_EVEN)
        ).as((fen, basisPoints, periods, method, dayCount, frequency, start, rounding) -> {
            int count = frequency == Frequency.QUARTERLY ? Math.max(1, periods / 3) : periods;
            boolean longTerm = count > 60;
            long principalFen = longTerm ? Math.max(fen, 5_000_000) : fen;
            int rateBasisPoints = longTerm ? basisPoints % 1001 : basisPoints;
            return new LoanTerms(Money.ofFen(principalFen), BigDecimal.valueOf(rateBasisPoints, 4), count, method,
                    dayCount, frequency, start, null, rounding, Money.ZERO);
        });
    }
}
