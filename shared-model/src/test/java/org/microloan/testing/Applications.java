package org.microloan.testing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

import org.microloan.decision.CreditApplication;
import org.microloan.identity.ResidentId;
import org.microloan.money.Money;
import org.microloan.schedule.Frequency;
import org.microloan.schedule.RepaymentMethod;

/** Credit applications for tests: a sound salaried borrower, changed one field at a time. */
public final class Applications {

    public static final LocalDate TODAY = LocalDate.parse("2026-11-22");

    private Applications() {
    }

    /** A valid ID number for someone born on {@code birth} (Beijing Chaoyang, a woman). */
    public static String idBornOn(String birth) {
        String seventeen = "110105" + birth.replace("-", "") + "002";
        return seventeen + ResidentId.checkCharacter(seventeen);
    }

    /** A 30-year-old on a fixed contract, owner, married, asking 3,000 for 3 months: an easy yes. */
    public static CreditApplication emergency() {
        return new CreditApplication("EMERGENCY", Money.of("3000"), 3, RepaymentMethod.DAILY_ACCRUAL, Frequency.MONTHLY,
                TODAY, idBornOn("1996-05-04"), "13812345678", Optional.empty(), Money.of("12000"), Money.of("3500"),
                Money.of("80000"), Money.ZERO, Money.of("6000"), new BigDecimal("8"), CreditApplication.Home.OWNER,
                CreditApplication.Marital.MARRIED, CreditApplication.Job.FIXED, false, Optional.empty());
    }

    public static CreditApplication with(CreditApplication a, String productCode, String amount, int termMonths,
                                         RepaymentMethod method) {
        return new CreditApplication(productCode, Money.of(amount), termMonths, method, a.frequency(),
                a.applicationDate(), a.idNumber(), a.mobile(), a.creditCode(), a.monthlyIncome(), a.monthlyExpenses(),
                a.assets(), a.debt(), a.priceOfGoods(), a.seniorityYears(), a.home(), a.marital(), a.job(),
                a.pastDefaultRecords(), a.monthlyBusinessFlows());
    }

    public static CreditApplication withIdentity(CreditApplication a, String idNumber, String mobile) {
        return new CreditApplication(a.productCode(), a.amount(), a.termMonths(), a.method(), a.frequency(),
                a.applicationDate(), idNumber, mobile, a.creditCode(), a.monthlyIncome(), a.monthlyExpenses(),
                a.assets(), a.debt(), a.priceOfGoods(), a.seniorityYears(), a.home(), a.marital(), a.job(),
                a.pastDefaultRecords(), a.monthlyBusinessFlows());
    }

    /** Part time, renting, no assets, 11 months at the job, past defaults, spending all it earns. */
    public static CreditApplication weak(CreditApplication a, boolean pastDefaults) {
        return new CreditApplication(a.productCode(), a.amount(), a.termMonths(), a.method(), a.frequency(),
                a.applicationDate(), a.idNumber(), a.mobile(), a.creditCode(), Money.of("4000"), Money.of("4200"),
                Money.ZERO, Money.of("30000"), a.amount(), new BigDecimal("0"), CreditApplication.Home.RENT,
                CreditApplication.Marital.SEPARATED, CreditApplication.Job.PART_TIME, pastDefaults,
                a.monthlyBusinessFlows());
    }
}
