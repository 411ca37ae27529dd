package org.microloan.api;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.microloan.ledger.Books;
import org.microloan.ledger.Disbursement;
import org.microloan.ledger.Loan;
import org.microloan.money.Money;
import org.microloan.origination.intake.ApplicationForm;
import org.microloan.origination.intake.ApplicationIntake;
import org.microloan.origination.store.ApplicationStore;
import org.microloan.schedule.DayCount;
import org.microloan.schedule.Frequency;
import org.microloan.schedule.LoanTerms;
import org.microloan.schedule.RepaymentMethod;
import org.microloan.schedule.RepaymentSchedule;


/**
 * The tests' loan: 12,000 EDUCATION at 12% over 12 months, equal installments, 30/360, booked as disburse books
 * it and noted under the borrower; with a form, its application is taken first (its bound account and mobile).
 */
record TwelveThousand(Books books, ApplicationStore store, ApplicationIntake intake) {

    private static final Duration WAIT = Duration.ofSeconds(30);

    /** @param firstDue null for a month after {@code start} */
    Loan book(String borrower, ApplicationForm form, LocalDate start, LocalDate firstDue) {
        String app = UUID.randomUUID().toString();
        if (form != null) {
            intake.submit(app, borrower, form, Instant.now());
        }
        RepaymentSchedule schedule = RepaymentSchedule.of(new LoanTerms(Money.of("12000"), new BigDecimal("0.12"), 12,
                RepaymentMethod.EQUAL_INSTALLMENT, DayCount.THIRTY_360, Frequency.MONTHLY, start, firstDue,
                RoundingMode.HALF_UP, Money.ZERO));
        Loan loan = books.bookDisbursement(new Disbursement(app, borrower, "EDUCATION", "po-" + app, schedule))
                .await().atMost(WAIT);
        store.recordLoan(borrower, loan.id, app);
        return loan;
    }
}
