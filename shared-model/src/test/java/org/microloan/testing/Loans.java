package org.microloan.testing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

import org.microloan.money.Money;
import org.microloan.money.Rate;
import org.microloan.schedule.DayCount;
import org.microloan.schedule.Frequency;
import org.microloan.schedule.LoanTerms;
import org.microloan.schedule.RepaymentMethod;

/** Loan terms for tests, written the way a person reads them: amounts and percent as strings. */
public final class Loans {

    private Loans() {
    }

    public static LoanTerms terms(String principal, String annualPercent, int periods, RepaymentMethod method,
                                  DayCount dayCount, String start) {
        return new LoanTerms(Money.of(principal), Rate.fromPercent(new BigDecimal(annualPercent)), periods, method,
                dayCount, Frequency.MONTHLY, LocalDate.parse(start), null, RoundingMode.HALF_UP, Money.ZERO);
    }

    public static LoanTerms monthly(String principal, String annualPercent, int periods, RepaymentMethod method) {
        return terms(principal, annualPercent, periods, method, DayCount.THIRTY_360, "2026-01-01");
    }
}
