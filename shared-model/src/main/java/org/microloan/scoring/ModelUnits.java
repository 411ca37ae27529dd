package org.microloan.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.microloan.decision.CreditApplication;
import org.microloan.money.Money;

/**
 * How the platform's CNY application maps onto the inputs of the scorecard, which was trained on
 * credit_data (Spanish consumer credit, money in the source's units):
 * <ul>
 * <li>Amount, Price, Assets, Debt are read as euros: CNY ÷ {@code cnyPerAmountUnit} (7.8, the EUR rate).</li>
 * <li>Income, Expenses (monthly) are in units whose median, 125, we align with a typical salaried
 *     borrower's ~9,750 CNY a month: CNY ÷ {@code cnyPerIncomeUnit} (78).</li>
 * <li>Time = the term in months; Age = age on the application date, from the ID number; Seniority =
 *     years with the employer; Records = past default records at the bureau (yes/no).</li>
 * <li>Home: OWNER owner, RENT rent, PARENTS parents, PRIVATE priv, OTHER other. Marital: MARRIED
 *     married, SINGLE single, SEPARATED separated, WIDOWED widow, DIVORCED divorced. Job: FIXED fixed,
 *     FREELANCE freelance, PART_TIME partime, OTHER others.</li>
 * </ul>
 * The ratios the scorecard uses (loan to price, installment to income, …) do not depend on these
 * factors within a group, which is why they carry most of the weight.
 */
public record ModelUnits(BigDecimal cnyPerAmountUnit, BigDecimal cnyPerIncomeUnit) {


    public ApplicantProfile profile(CreditApplication application, int age) {
        return new ApplicantProfile(
                application.seniorityYears(),
                switch (application.home()) {
                    case OWNER -> "owner";
                    case RENT -> "rent";
                    case PARENTS -> "parents";
                    case PRIVATE -> "priv";
                    case OTHER -> "other";
                },
                BigDecimal.valueOf(application.termMonths()),
                BigDecimal.valueOf(age),
                switch (application.marital()) {
                    case MARRIED -> "married";
                    case SINGLE -> "single";
                    case SEPARATED -> "separated";
                    case WIDOWED -> "widow";
                    case DIVORCED -> "divorced";
                },
                application.pastDefaultRecords() ? "yes" : "no",
                switch (application.job()) {
                    case FIXED -> "fixed";
                    case FREELANCE -> "freelance";
                    case PART_TIME -> "partime";
                    case OTHER -> "others";
                },
                units(application.monthlyExpenses(), cnyPerIncomeUnit),
                units(application.monthlyIncome(), cnyPerIncomeUnit),
                units(application.assets(), cnyPerAmountUnit),
                units(application.debt(), cnyPerAmountUnit),
                units(application.amount(), cnyPerAmountUnit),
                units(application.priceOfGoods(), cnyPerAmountUnit));
    }

    /** A model amount back in CNY, for rules stated in CNY (the manual-review threshold). */
    public Money amountInCny(BigDecimal modelAmount) {
        return Money.of(modelAmount.multiply(cnyPerAmountUnit), RoundingMode.HALF_UP);
    }

    private static BigDecimal units(Money cny, BigDecimal perUnit) {
        return cny == null ? null : cny.amount().divide(perUnit, 2, RoundingMode.HALF_UP);
    }
}
