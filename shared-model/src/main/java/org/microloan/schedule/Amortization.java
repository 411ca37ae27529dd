package org.microloan.schedule;

import static java.math.BigDecimal.ONE;
import static java.math.BigDecimal.ZERO;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import org.microloan.money.Money;
import org.microloan.money.Rate;

/**
 * Spreads a balance over periods: the arithmetic every repayment method shares, for a new loan and for
 * what is left after a prepayment. Each period's interest is rounded to the fen; the last installment
 * takes whatever principal remains, so principal always sums exactly to the balance.
 */
public final class Amortization {

    private final Money balance;
    private final List<InterestPeriod> periods;
    private final List<BigDecimal> rates;
    private final RoundingMode rounding;
    private final int firstNumber;
    private final AccruedInterest accrued;

    /**
     * @param rates    r_j for each period, aligned with {@code periods}
     * @param accrued  interest that ran in the first period before this balance took over (after a
     *                 prepayment mid-period), so the period's interest is still rounded only once
     */
    public Amortization(Money balance, List<InterestPeriod> periods, List<BigDecimal> rates,
                        RoundingMode rounding, int firstNumber, AccruedInterest accrued) {
        if (periods.isEmpty() || periods.size() != rates.size()) {
            throw new IllegalArgumentException("need one rate per period, at least one period");
        }
        this.balance = balance;
        this.periods = List.copyOf(periods);
        this.rates = List.copyOf(rates);
        this.rounding = rounding;
        this.firstNumber = firstNumber;
        this.accrued = accrued;
    }

    /** A new loan: the whole principal over all its periods. */
    public static Amortization of(LoanTerms terms) {
        List<InterestPeriod> periods = terms.interestPeriods();
        return new Amortization(terms.principal(), periods, periods.stream().map(terms::periodRate).toList(),
                terms.rounding(), 1, AccruedInterest.NONE);
    }

    /** EMI = B / Σ_k Π_{j≤k} (1 + r_j)^-1, rounded to the fen once. With every r_j = 0 it is B / n. */
    public Money emi() {
        BigDecimal discount = ONE;
        BigDecimal annuityFactor = ZERO;
        for (BigDecimal rate : rates) {
            discount = discount.divide(ONE.add(rate), Rate.CONTEXT);
            annuityFactor = annuityFactor.add(discount);
        }
        return Money.of(balance.amount().divide(annuityFactor, Rate.CONTEXT), rounding);
    }

    /** round(B / n): the principal part of each equal-principal or flat installment. */
    public Money equalPrincipalPart() {
        return balance.dividedBy(periods.size(), rounding);
    }

    /** 等额本息: each installment is {@code emi}; interest = round(balance × r_j); principal = emi − interest. */
    public List<Installment> equalInstallments(Money emi) {
        return run((open, interest) -> emi.minus(interest), this::interestOn);
    }

    /** 等额本金: principal {@code part} each period, interest = round(balance × r_j). */
    public List<Installment> equalPrincipal(Money part) {
        return run((open, interest) -> part, this::interestOn);
    }

    /** 付息到期还本: interest = round(balance × r_j) each period, principal in the last. */
    public List<Installment> interestOnly() {
        return run((open, interest) -> Money.ZERO, this::interestOn);
    }

    /** 等本等息: principal {@code part} each period, interest = round(interestBase × r_j) on a fixed base. */
    public List<Installment> flat(Money part, Money interestBase) {
        return run((open, interest) -> part, (open, k) -> interestOn(interestBase, k));
    }

    private Money interestOn(Money base, int k) {
        BigDecimal exact = base.amount().multiply(rates.get(k), Rate.CONTEXT);
        if (k == 0 && accrued != AccruedInterest.NONE) {
            return Money.of(exact.add(accrued.exact()), rounding).minus(accrued.paid());
        }
        return Money.of(exact, rounding);
    }

    private interface PrincipalPart {
        Money of(Money openingBalance, Money interest);
    }

    private interface PeriodInterest {
        Money of(Money openingBalance, int index);
    }

    /**
     * The loop every method shares. The principal part never exceeds what is owed and is never
     * negative; the last period takes the rest. When rounding lets the balance reach zero early,
     * the schedule simply ends there.
     */
    private List<Installment> run(PrincipalPart principalPart, PeriodInterest periodInterest) {
        List<Installment> installments = new ArrayList<>(periods.size());
        Money open = balance;
        int last = periods.size() - 1;
        for (int k = 0; k <= last && open.isPositive(); k++) {
            Money interest = periodInterest.of(open, k);
            Money principal = k == last ? open : principalPart.of(open, interest).max(Money.ZERO).min(open);
            Money close = open.minus(principal);
            installments.add(new Installment(firstNumber + k, periods.get(k), rates.get(k), principal, interest, close));
            open = close;
        }
        return List.copyOf(installments);
    }
}
