package org.microloan.functions.verifyidentity;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import org.microloan.decision.CreditApplication;
import org.microloan.decision.CreditDecision;
import org.microloan.decision.KnockOut;
import org.microloan.identity.ResidentId;
import org.microloan.integrations.providers.IdentityVerifier;
import org.microloan.origination.intake.ApplicationForm;
import org.microloan.origination.intake.ApplicationIntake;
import org.microloan.origination.steps.StepContext;
import org.microloan.origination.store.PersonalExposure;
import org.microloan.origination.store.StoredApplication;
import org.microloan.product.Product;
import org.microloan.product.ProductCatalogue;
import org.microloan.workflow.ApplicationStatus;
import org.microloan.workflow.IdentityResult;
import org.microloan.workflow.Step;

/**
 * The checks shared-model can make on its own (ID number, mobile, credit code, the product's age band),
 * then the KYC provider's three factors and liveness. A "no match" is a decline; a provider that is down
 * is a failure the workflow retries.
 */
@ApplicationScoped
public class IdentityCheck {

    private final StepContext steps;
    private final ApplicationIntake intake;
    private final IdentityVerifier verifier;
    private final PersonalExposure exposure;
    private final ProductCatalogue products;

    public IdentityCheck(StepContext steps, ApplicationIntake intake, IdentityVerifier verifier,
                         PersonalExposure exposure, ProductCatalogue products) {
        this.steps = steps;
        this.intake = intake;
        this.verifier = verifier;
        this.exposure = exposure;
        this.products = products;
    }

    IdentityResult check(StoredApplication stored) {
        Optional<IdentityResult> done = steps.recorded(stored, Step.VERIFY_IDENTITY);
        if (done.isPresent()) {
            return done.get();
        }
        ApplicationForm opened = intake.open(stored);
        ApplicationForm.Personal personal = opened.personal();
        CreditApplication application = intake.creditApplication(opened);
        Product product = products.get(application.productCode());
        ResidentId.Check id = ResidentId.check(personal.idNumber(), application.applicationDate());
        List<String> reasons = new ArrayList<>(CreditDecision.identityRules(application, id, product).stream()
                .map(KnockOut::name).toList());
        String verificationId = null;
        if (reasons.isEmpty()) {
            IdentityVerifier.Result kyc = verifier.verify(new IdentityVerifier.Request(stored.applicationId(),
                    personal.name(), id.id().orElseThrow().number(), personal.mobile(), personal.livenessToken()));
            verificationId = kyc.verificationId();
            if (!kyc.passed()) {
                reasons.add(KnockOut.KYC_NO_MATCH.name());
            }
        }
        ApplicationStatus status = reasons.isEmpty() ? ApplicationStatus.IDENTITY_VERIFIED : ApplicationStatus.DECLINED;
        if (status == ApplicationStatus.DECLINED) {
            exposure.release(stored);
        }
        IdentityResult result = new IdentityResult(stored.applicationId(), status, List.copyOf(reasons), verificationId);
        steps.advance(stored, status, Step.VERIFY_IDENTITY, result);
        return result;
    }
}
