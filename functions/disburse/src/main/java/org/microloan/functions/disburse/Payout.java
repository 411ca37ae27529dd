package org.microloan.functions.disburse;

import org.microloan.identity.Mask;
import org.microloan.product.Product;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import org.microloan.integrations.providers.PaymentRail;
import org.microloan.ledger.Books;
import org.microloan.ledger.CreditLines;
import org.microloan.ledger.Disbursement;
import org.microloan.ledger.Loan;
import org.microloan.money.Money;
import org.microloan.money.Rate;
import org.microloan.origination.intake.ApplicationForm;
import org.microloan.origination.intake.ApplicationIntake;
import org.microloan.origination.steps.StepContext;
import org.microloan.origination.store.ApplicationStore;
import org.microloan.origination.store.PersonalExposure;
import org.microloan.origination.store.StoredApplication;
import org.microloan.product.ProductCatalogue;
import org.microloan.schedule.BusinessDate;
import org.microloan.schedule.DayCount;
import org.microloan.schedule.Frequency;
import org.microloan.schedule.LoanTerms;
import org.microloan.schedule.RepaymentMethod;
import org.microloan.schedule.RepaymentSchedule;
import org.microloan.workflow.Acceptance;
import org.microloan.workflow.ApplicationStatus;
import org.microloan.workflow.DisburseResult;
import org.microloan.workflow.Offer;
import org.microloan.workflow.Step;

/**
 * Exactly once, three ways: the step is idempotent on (application, step); the rail is called with an
 * idempotency key it honours, so a retry after a crash gets the first payout back; and the books take
 * one loan per application. The schedule is set on the day of the payout, at the offered terms.
 */
@ApplicationScoped
public class Payout {

    private final StepContext steps;
    private final ApplicationIntake intake;
    private final PaymentRail rail;
    private final Books books;
    private final ApplicationStore store;
    private final CreditLines creditLines;
    private final ProductCatalogue products;
    private final PersonalExposure exposure;
    private final Clock clock;

    public Payout(StepContext steps, ApplicationIntake intake, PaymentRail rail, Books books, ApplicationStore store,
                  CreditLines creditLines, ProductCatalogue products, PersonalExposure exposure, Clock clock) {
        this.products = products;
        this.steps = steps;
        this.intake = intake;
        this.rail = rail;
        this.books = books;
        this.store = store;
        this.creditLines = creditLines;
        this.exposure = exposure;
        this.clock = clock;
    }

    /** The rail's idempotency key for an application's payout: the same on every try, in every execution. */
    static String railKey(String applicationId) {
        return "disburse-" + applicationId;
    }

    DisburseResult disburse(StoredApplication loaded) {
        Optional<DisburseResult> done = steps.recorded(loaded, Step.DISBURSE);
        if (done.isPresent()) {
            return done.get();
        }
        // the workflow only reaches this step once the borrower accepted
        StoredApplication stored = loaded.status() != ApplicationStatus.QUOTED ? loaded
                : steps.reach(loaded, ApplicationStatus.ACCEPTED, Step.ACCEPTANCE, new Acceptance(true, clock.instant(), "workflow"));
        Offer offer = steps.result(stored, Step.QUOTE_RATE);
        ApplicationForm form = intake.open(stored);
        Money amount = Money.of(offer.amount());
        Product product = products.get(form.productCode());
        Optional<ApplicationForm.Payee> payee = entrustedPayee(product, form);
        PaymentRail.Payout paid = rail.pay(new PaymentRail.Request(stored.applicationId(), amount.toString(), "CNY",
                product.paidTo().name(), payee.map(ApplicationForm.Payee::name).orElse(form.personal().name()),
                payee.map(ApplicationForm.Payee::account).orElse(form.personal().bankAccount())),
                railKey(stored.applicationId()));
        LocalDate today = BusinessDate.today(clock);
        Frequency frequency = Frequency.valueOf(offer.frequency());
        RepaymentSchedule schedule = RepaymentSchedule.of(new LoanTerms(amount,
                Rate.fromPercent(new BigDecimal(offer.annualRate())), Math.max(1, offer.termMonths() / frequency.months()),
                RepaymentMethod.valueOf(offer.method()), DayCount.fromLabel(offer.dayCount()),
                frequency, today, null, product.rounding(), Money.ZERO));
        Loan loan = Books.await(() -> books.bookDisbursement(new Disbursement(stored.applicationId(), stored.borrowerId(),
                form.productCode(), paid.payoutId(), schedule, payee.map(p -> new Disbursement.Payee(product.paidTo(),
                        p.name(), p.creditCode(), Mask.bankAccount(p.account()))))));
        store.recordLoan(stored.borrowerId(), loan.id, stored.applicationId());
        // from now on the person's exposure is what the loan owes: all of it, until repayments bring it down
        exposure.hold(stored, amount);
        if (offer.creditLine() != null) {
            Books.await(() -> creditLines.open(stored.borrowerId(), form.productCode(), Money.of(offer.creditLine()),
                    schedule.terms().annualRate(), today));
        }
        DisburseResult result = new DisburseResult(stored.applicationId(), loan.id, paid.payoutId(), amount.toString());
        steps.advance(stored, ApplicationStatus.DISBURSED, Step.DISBURSE, result);
        return result;
    }

    /**
     * 受托支付: renovation money goes to the merchant, education money to the school, never to the borrower.
     * Intake refuses such an application without its payee, so one without is not paid at all.
     */
    private static Optional<ApplicationForm.Payee> entrustedPayee(Product product, ApplicationForm form) {
        if (!product.paidTo().entrusted()) {
            return Optional.empty();
        }
        if (form.payee() == null) {
            throw new IllegalStateException(product.code() + " is paid to the " + product.paidTo()
                    + " the application names, and this one names none: nothing is paid");
        }
        return Optional.of(form.payee());
    }
}
