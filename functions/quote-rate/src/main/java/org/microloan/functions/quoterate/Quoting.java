package org.microloan.functions.quoterate;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import org.microloan.decision.BorrowerHistory;
import org.microloan.decision.CreditApplication;
import org.microloan.money.Money;
import org.microloan.money.Rate;
import org.microloan.origination.intake.ApplicationIntake;
import org.microloan.origination.steps.StepContext;
import org.microloan.origination.store.PersonalExposure;
import org.microloan.origination.store.StoredApplication;
import org.microloan.pricing.RateCap;
import org.microloan.pricing.RateQuote;
import org.microloan.pricing.RiskBasedPrice;
import org.microloan.product.Product;
import org.microloan.product.ProductCatalogue;
import org.microloan.schedule.BusinessDate;
import org.microloan.scoring.CreditScore;
import org.microloan.workflow.Offer;
import org.microloan.workflow.QuoteResult;
import org.microloan.workflow.Step;

/** The risk-based price for the grade the score gave, under the cap on today's date, as an offer that expires. */
@ApplicationScoped
public class Quoting {

    /** How long an offer stands; the workflow's acceptance wait times out with it. */
    static final Duration VALID_FOR = Duration.ofDays(3);

    private final StepContext steps;
    private final ApplicationIntake intake;
    private final PersonalExposure exposure;
    private final ProductCatalogue products;
    private final RateCap cap;
    private final Clock clock;

    public Quoting(StepContext steps, ApplicationIntake intake, PersonalExposure exposure, ProductCatalogue products,
                   RateCap cap, Clock clock) {
        this.steps = steps;
        this.intake = intake;
        this.exposure = exposure;
        this.products = products;
        this.cap = cap;
        this.clock = clock;
    }

    QuoteResult quote(StoredApplication stored) {
        Optional<Offer> done = steps.recorded(stored, Step.QUOTE_RATE);
        if (done.isPresent()) {
            return lean(stored.applicationId(), done.get());
        }
        CreditApplication application = intake.creditApplication(stored);
        Product product = products.get(application.productCode());
        CreditScore graded = steps.result(stored, Step.SCORE).creditScore().orElseThrow(() -> new IllegalStateException(
                "application " + stored.applicationId() + " was approved without a score"));
        LocalDate today = BusinessDate.today(clock);
        Money before = exposure.besides(stored);
        RateQuote quote = RiskBasedPrice.offer(application, product, graded, new BorrowerHistory(before, 0),
                cap.on(today), today, product.rounding());
        Offer offer = new Offer(UUID.randomUUID().toString(), quote.apr().percent().toPlainString(),
                quote.apr().effectivePercent().toPlainString(), Rate.toPercent(quote.annualRate(), 2).toPlainString(),
                quote.dailyRate().map(d -> Rate.toPercent(d, 4).toPlainString()).orElse(null),
                quote.cappedBy().orElse(null), quote.grade().name(), quote.amount().toString(),
                quote.creditLine().toString(), application.termMonths(), application.method().name(),
                application.frequency().name(), product.dayCount().label(), today, clock.instant().plus(VALID_FOR),
                quote.modelVersion(), quote.schedule().installments().stream().map(i -> new Offer.Line(i.number(),
                        i.dueDate(), i.principal().toString(), i.interest().toString(), i.total().toString(),
                        i.balance().toString())).toList());
        // an open offer holds what it offers, which may be less than was asked
        exposure.hold(stored, quote.amount());
        // QUOTED comes with the workflow's wait, in the one write that keeps the acceptance's token
        steps.record(stored, Step.QUOTE_RATE, offer);
        return lean(stored.applicationId(), offer);
    }

    private static QuoteResult lean(String applicationId, Offer offer) {
        return new QuoteResult(applicationId, offer.offerId(), offer.apr(), offer.amount(), offer.expiresAt());
    }
}
