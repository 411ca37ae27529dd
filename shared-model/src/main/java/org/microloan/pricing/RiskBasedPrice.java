package org.microloan.pricing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Optional;

import org.microloan.decision.BorrowerHistory;
import org.microloan.decision.CreditApplication;
import org.microloan.money.Money;
import org.microloan.money.Rate;
import org.microloan.product.CustomerType;
import org.microloan.product.Product;
import org.microloan.schedule.LoanTerms;
import org.microloan.schedule.RepaymentSchedule;
import org.microloan.scoring.CreditScore;
import org.microloan.scoring.Grade;

/** The price of credit for a grade: the product's base plus the grade's spread, within the band and the cap. */
public final class RiskBasedPrice {

    private static final BigDecimal LINE_STEP = BigDecimal.valueOf(100);

    private RiskBasedPrice() {
    }

    /** @param cappedBy the legal rule that held the rate below the product's price, when one did */
    public record Price(BigDecimal annualRate, Optional<String> cappedBy) {
    }

    /** rate = clamp(base + spread(grade), band floor, band ceiling), then no more than the cap. */
    public static Price annualRate(Product product, Grade grade, RateCap.Limit cap) {
        BigDecimal spread = Optional.ofNullable(product.gradeSpread().get(grade)).orElseThrow(
                () -> new IllegalArgumentException("grade " + grade + " is not priced: it is declined"));
        BigDecimal banded = product.baseRate().add(spread).max(product.minRate()).min(product.maxRate());
        return banded.compareTo(cap.rate()) > 0
                ? new Price(cap.rate(), Optional.of(cap.rule()))
                : new Price(banded, Optional.empty());
    }

    /** The offer for an approved application, paid out on {@code start}. */
    public static RateQuote offer(CreditApplication application, Product product, CreditScore score,
                                  BorrowerHistory history, RateCap.Limit cap, LocalDate start, RoundingMode rounding) {
        Grade grade = score.grade();
        Price price = annualRate(product, grade, cap);
        BigDecimal rate = price.annualRate();
        Money line = creditLine(product, grade, application, history);
        Money amount = application.amount().min(line);
        int periods = Math.max(1, application.termMonths() / application.frequency().months());
        RepaymentSchedule schedule = RepaymentSchedule.of(new LoanTerms(amount, rate, periods, application.method(),
                product.dayCount(), application.frequency(), start, null, rounding, Money.ZERO));
        Optional<BigDecimal> daily = product.quotedDaily()
                ? Optional.of(rate.divide(BigDecimal.valueOf(product.dayCount().daysInYear()), Rate.CONTEXT))
                : Optional.empty();
        return new RateQuote(AnnualPercentageRate.of(schedule), rate, daily, price.cappedBy(), grade, amount, line,
                schedule, score.modelVersion());
    }

    /**
     * The credit line: monthly income (a business's monthly flows, when given) × the grade's multiple,
     * within the product's amounts and the room left under the outstanding limit, down to 100 CNY.
     */
    public static Money creditLine(Product product, Grade grade, CreditApplication application, BorrowerHistory history) {
        Money base = product.customer() == CustomerType.BUSINESS
                ? application.monthlyBusinessFlows().orElse(application.monthlyIncome())
                : application.monthlyIncome();
        BigDecimal multiple = product.lineMultiple().get(grade);
        BigDecimal raw = base.amount().multiply(multiple);
        BigDecimal room = product.outstandingLimit().minus(history.outstanding()).amount();
        BigDecimal line = raw.min(product.maxAmount().amount()).min(room).max(product.minAmount().amount());
        return Money.of(line.divide(LINE_STEP, 0, RoundingMode.DOWN).multiply(LINE_STEP));
    }
}
