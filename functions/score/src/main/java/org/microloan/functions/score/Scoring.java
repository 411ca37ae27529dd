package org.microloan.functions.score;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import org.microloan.decision.BorrowerHistory;
import org.microloan.decision.CreditApplication;
import org.microloan.decision.CreditDecision;
import org.microloan.decision.Decision;
import org.microloan.decision.Reason;
import org.microloan.integrations.providers.CreditBureau;
import org.microloan.money.Money;
import org.microloan.origination.intake.ApplicationForm;
import org.microloan.origination.intake.ApplicationIntake;
import org.microloan.origination.steps.StepContext;
import org.microloan.origination.store.PersonalExposure;
import org.microloan.origination.store.StoredApplication;
import org.microloan.product.ProductCatalogue;
import org.microloan.scoring.CreditScore;
import org.microloan.scoring.Scorecard;
import org.microloan.workflow.ApplicationStatus;
import org.microloan.workflow.ScoreResult;
import org.microloan.workflow.Step;

/** Bureau data and the application go to shared-model's decision; the result is recorded with the model version. */
@ApplicationScoped
public class Scoring {

    private final StepContext steps;
    private final ApplicationIntake intake;
    private final CreditBureau bureau;
    private final PersonalExposure exposure;
    private final ProductCatalogue products;
    private final Scorecard scorecard;
    private final Clock clock;

    public Scoring(StepContext steps, ApplicationIntake intake, CreditBureau bureau, PersonalExposure exposure,
                   ProductCatalogue products, Scorecard scorecard, Clock clock) {
        this.clock = clock;
        this.steps = steps;
        this.intake = intake;
        this.bureau = bureau;
        this.exposure = exposure;
        this.products = products;
        this.scorecard = scorecard;
    }

    ScoreResult decide(StoredApplication stored) {
        Optional<ScoreResult> done = steps.recorded(stored, Step.SCORE);
        if (done.isPresent()) {
            return done.get();
        }
        ApplicationForm form = intake.open(stored);
        CreditBureau.Report report = bureau.report(new CreditBureau.Request(stored.applicationId(),
                form.personal().idNumber(), form.personal().name(), form.consent().version(),
                form.consent().acceptedAt().toString()));
        CreditApplication application = intake.creditApplication(form).withPastDefaultRecords(report.pastDefaultRecords());
        // the amount is already reserved by apply: the rest of the person's exposure is what came before
        Money before = exposure.besides(stored);
        Decision decision = CreditDecision.decide(application, products.get(application.productCode()),
                new BorrowerHistory(before, 0), scorecard, products.modelUnits(), products.decisionPolicy());
        ApplicationStatus status = switch (decision.outcome()) {
            case APPROVE -> ApplicationStatus.SCORED;
            case REVIEW -> ApplicationStatus.IN_REVIEW;
            case DECLINE -> ApplicationStatus.DECLINED;
        };
        if (status == ApplicationStatus.DECLINED) {
            exposure.release(stored);
        }
        Optional<CreditScore> score = decision.score();
        List<String> reasons = decision instanceof Decision.Declined declined
                ? declined.reasons().stream().map(Reason::code).toList()
                : decision instanceof Decision.Referred referred ? List.of(referred.why().code()) : List.of();
        ScoreResult result = new ScoreResult(stored.applicationId(), decision.outcome(), status,
                score.map(CreditScore::score).orElse(null), score.map(CreditScore::pd).orElse(null),
                score.map(CreditScore::grade).orElse(null), reasons, decision.modelVersion(), report.reportId(),
                clock.instant());
        if (status == ApplicationStatus.IN_REVIEW) {
            // the workflow's wait moves the status and keeps its token in one write: ops can answer at once
            steps.record(stored, Step.SCORE, result);
        } else {
            steps.advance(stored, status, Step.SCORE, result);
        }
        return result;
    }
}
