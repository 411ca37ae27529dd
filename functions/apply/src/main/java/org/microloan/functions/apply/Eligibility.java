package org.microloan.functions.apply;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import org.microloan.decision.CreditApplication;
import org.microloan.decision.CreditDecision;
import org.microloan.decision.KnockOut;
import org.microloan.origination.intake.ApplicationForm;
import org.microloan.origination.intake.ApplicationIntake;
import org.microloan.origination.steps.StepContext;
import org.microloan.origination.store.ApplicationStore;
import org.microloan.origination.store.PersonalExposure;
import org.microloan.origination.store.StoredApplication;
import org.microloan.product.Product;
import org.microloan.product.ProductCatalogue;
import org.microloan.workflow.ApplicationStatus;
import org.microloan.workflow.ApplyResult;
import org.microloan.workflow.Step;

/**
 * The product's bands, the velocity rule, and the outstanding limit, which is reserved here with a
 * conditional write so that two applications cannot pass it together. The consent is recorded.
 */
@ApplicationScoped
public class Eligibility {

    private final StepContext steps;
    private final ApplicationIntake intake;
    private final ApplicationStore store;
    private final PersonalExposure exposure;
    private final ProductCatalogue products;

    public Eligibility(StepContext steps, ApplicationIntake intake, ApplicationStore store, PersonalExposure exposure,
                       ProductCatalogue products) {
        this.steps = steps;
        this.intake = intake;
        this.store = store;
        this.exposure = exposure;
        this.products = products;
    }

    ApplyResult check(StoredApplication stored) {
        Optional<ApplyResult> done = steps.recorded(stored, Step.APPLY);
        if (done.isPresent()) {
            return done.get();
        }
        ApplicationForm opened = intake.open(stored);
        CreditApplication application = intake.creditApplication(opened);
        ApplicationForm.Consent consent = opened.consent();
        Product product = products.get(application.productCode());
        List<KnockOut> reasons = new ArrayList<>(CreditDecision.productRules(application, product));
        reasons.addAll(CreditDecision.velocityRule(applicationsInTheLastDay(stored), product));
        if (reasons.isEmpty() && !exposure.reserve(stored, application.amount(),
                product.outstandingLimit())) {
            reasons.add(KnockOut.EXPOSURE_LIMIT);
        }
        ApplicationStatus status = reasons.isEmpty() ? ApplicationStatus.APPLIED : ApplicationStatus.DECLINED;
        ApplyResult result = new ApplyResult(stored.applicationId(), status,
                reasons.stream().map(KnockOut::name).toList(), consent.version(), consent.acceptedAt());
        steps.advance(stored, status, Step.APPLY, result);
        return result;
    }

    /** The borrower's other applications received in the 24 hours before this one. */
    private long applicationsInTheLastDay(StoredApplication stored) {
        Instant since = stored.createdAt().minus(Duration.ofHours(24));
        return store.ofBorrower(stored.borrowerId()).stream()
                .filter(a -> !a.applicationId().equals(stored.applicationId()))
                .filter(a -> !a.createdAt().isBefore(since) && !a.createdAt().isAfter(stored.createdAt()))
                .count();
    }
}
