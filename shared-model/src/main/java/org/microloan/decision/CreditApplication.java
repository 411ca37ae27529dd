package org.microloan.decision;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

import org.microloan.money.Money;
import org.microloan.schedule.Frequency;
import org.microloan.schedule.RepaymentMethod;

/**
 * What a borrower applies with, in the platform's terms (CNY). Personal identifiers are here only to be
 * checked; nothing derived from this record may carry them on.
 *
 * @param seniorityYears          years with the current employer (or running the business)
 * @param pastDefaultRecords      past default records at the credit bureau
 * @param monthlyBusinessFlows    a business's monthly flows (transactions, taxes), when a partner gives them
 * @param creditCode              the business's unified social credit code, for business products
 */
public record CreditApplication(
        String productCode,
        Money amount,
        int termMonths,
        RepaymentMethod method,
        Frequency frequency,
        LocalDate applicationDate,
        String idNumber,
        String mobile,
        Optional<String> creditCode,
        Money monthlyIncome,
        Money monthlyExpenses,
        Money assets,
        Money debt,
        Money priceOfGoods,
        BigDecimal seniorityYears,
        Home home,
        Marital marital,
        Job job,
        boolean pastDefaultRecords,
        Optional<Money> monthlyBusinessFlows) {

    /** Housing, in the model's categories. */
    public enum Home { OWNER, RENT, PARENTS, PRIVATE, OTHER }

    public enum Marital { MARRIED, SINGLE, SEPARATED, WIDOWED, DIVORCED }

    /** Employment: a fixed contract, freelance, part time, or other. */
    public enum Job { FIXED, FREELANCE, PART_TIME, OTHER }

    /** The same application with the bureau's word on past default records. */
    public CreditApplication withPastDefaultRecords(boolean records) {
        return new CreditApplication(productCode, amount, termMonths, method, frequency, applicationDate, idNumber,
                mobile, creditCode, monthlyIncome, monthlyExpenses, assets, debt, priceOfGoods, seniorityYears, home,
                marital, job, records, monthlyBusinessFlows);
    }

    @Override
    public String toString() {
        return "CreditApplication[" + productCode + " " + amount + " over " + termMonths + " months]";
    }
}
