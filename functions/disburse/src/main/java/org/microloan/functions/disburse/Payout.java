package org.microloan.functions.disburse;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import org.microloan.money.Money;
import org.microloan.money.Rate;
import org.microloan.schedule.DayCount;
import org.microloan.schedule.Frequency;
import org.microloan.schedule.LoanTerms;
import org.microloan.schedule.RepaymentMethod;
import org.microloan.schedule.RepaymentSchedule;
import org.microloan.support.books.Books;
import org.microloan.support.books.CreditLines;
import org.microloan.support.books.Disbursement;
import org.microloan.support.books.Loan;
import org.microloan.support.intake.ApplicationForm;
import org.microloan.support.intake.ApplicationIntake;
import org.microloan.support.providers.PaymentRail;
import org.microloan.support.steps.StepContext;
import org.microloan.support.steps.StepInput;
import org.microloan.support.store.ApplicationStore;
import org.microloan.support.store.StoredApplication;
import org.microloan.workflow.ApplicationStatus;

/**
 * Exactly once, three ways: the step is idempotent on (application, step); the rail is called with an
 * idempotency key it honours, so a retry after a crash gets the first payout back; and the books take
 * one loan per application. The schedule is set on the day of the payout, at the offered terms.
 */
@ApplicationScoped
public class Payout {

    private static final Duration BOOKING_WAIT = Duration.ofSeconds(30);

    private final StepContext steps;
    private final ApplicationIntake intake;
    private final PaymentRail rail;
    private final Books books;
    private final ApplicationStore store;
    private final CreditLines creditLines;
    private final Clock clock;

    public Payout(StepContext steps, ApplicationIntake intake, PaymentRail rail, Books books, ApplicationStore store,
                  CreditLines creditLines, Clock clock) {
        this.steps = steps;
        this.intake = intake;
        this.rail = rail;
        this.books = books;
        this.store = store;
        this.creditLines = creditLines;
        this.clock = clock;
    }

    /** The rail's idempotency key for an application's payout: the same on every try, in every execution. */
    static String railKey(String applicationId) {
        return "disburse-" + applicationId;
    }

    DisburseResult disburse(StepInput input) {
        StoredApplication stored = steps.load(input);
        Optional<DisburseResult> done = steps.recorded(stored, "disburse", DisburseResult.class);
        if (done.isPresent()) {
            return done.get();
        }
        if (stored.status() == ApplicationStatus.QUOTED) {
            // the workflow only reaches this step once the borrower accepted
            stored = steps.advance(stored, ApplicationStatus.ACCEPTED, "acceptance", Map.of("via", "workflow"));
        }
        JsonNode offer = steps.result(stored, "quote-rate", JsonNode.class);
        ApplicationForm form = intake.open(stored);
        Money amount = Money.of(offer.path("amount").asText());
        PaymentRail.Payout paid = rail.pay(new PaymentRail.Request(stored.applicationId(), amount.toString(), "CNY",
                payee(form.productCode()), form.personal().name(), form.personal().bankAccount()),
                railKey(stored.applicationId()));
        LocalDate today = LocalDate.now(clock);
        Frequency frequency = Frequency.valueOf(offer.path("frequency").asText());
        RepaymentSchedule schedule = RepaymentSchedule.of(new LoanTerms(amount,
                Rate.fromPercent(new BigDecimal(offer.path("annualRate").asText())),
                Math.max(1, offer.path("termMonths").asInt() / frequency.months()),
                RepaymentMethod.valueOf(offer.path("method").asText()), DayCount.fromLabel(offer.path("dayCount").asText()),
                frequency, today, null, RoundingMode.HALF_UP, Money.ZERO));
        Loan loan = books.bookDisbursement(new Disbursement(stored.applicationId(), stored.borrowerId(),
                form.productCode(), paid.payoutId(), schedule)).await().atMost(BOOKING_WAIT);
        store.recordLoan(stored.borrowerId(), loan.id, stored.applicationId());
        if (offer.hasNonNull("creditLine")) {
            creditLines.open(stored.borrowerId(), form.productCode(), Money.of(offer.path("creditLine").asText()),
                    schedule.terms().annualRate(), today).await().atMost(BOOKING_WAIT);
        }
        DisburseResult result = new DisburseResult(stored.applicationId(), loan.id, paid.payoutId(), amount.toString());
        steps.advance(stored, ApplicationStatus.DISBURSED, "disburse", result);
        return result;
    }

    /** 受托支付: renovation money goes to the merchant, education money to the school. */
    private static String payee(String productCode) {
        return switch (productCode) {
            case "RENOVATION" -> "MERCHANT";
            case "EDUCATION" -> "SCHOOL";
            default -> "BORROWER";
        };
    }
}
