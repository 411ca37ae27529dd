package org.microloan.origination.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import org.microloan.money.Money;
import org.microloan.origination.intake.ApplicationIntake;
import org.microloan.origination.steps.StepContext;
import org.microloan.product.ProductCatalogue;
import org.microloan.workflow.ApplicationStatus;
import org.microloan.workflow.ApplyResult;
import org.microloan.workflow.IdentityResult;
import org.microloan.workflow.OriginationFigures.Path;
import org.microloan.workflow.OriginationFigures;
import org.microloan.workflow.Review;
import org.microloan.workflow.ScoreResult;
import org.microloan.workflow.Step;

/**
 * The origination figures from what the steps recorded on each application: the decision ({@code score},
 * with when it was made), a person's review ({@code review}), and declines at intake or identity
 * ({@code apply}, {@code verify-identity}). Only the non-personal facts are read; nothing is unsealed.
 */
@ApplicationScoped
public class Originations {

    /** How a person's decline counts among the decline reasons: the reviewer's words stay on the application. */
    static final String REVIEW_DECLINED = "REVIEW_DECLINED";

    private final ApplicationStore store;
    private final StepContext steps;
    private final ApplicationIntake intake;
    private final ProductCatalogue products;

    public Originations(ApplicationStore store, StepContext steps, ApplicationIntake intake, ProductCatalogue products) {
        this.store = store;
        this.steps = steps;
        this.intake = intake;
        this.products = products;
    }

    /** The figures over the applications made in [from, to). */
    public OriginationFigures between(Instant from, Instant to) {
        List<OriginationFigures.Outcome> outcomes = store.createdBetween(from, to).stream().map(this::outcome).toList();
        return OriginationFigures.of(outcomes, products.decisionPolicy().reviewAbove());
    }

    OriginationFigures.Outcome outcome(StoredApplication a) {
        Money amount = Money.of(intake.facts(a).amount());
        Optional<List<String>> early = steps.recorded(a, Step.APPLY).filter(r -> r.status() == ApplicationStatus.DECLINED)
                .map(ApplyResult::reasons)
                .or(() -> steps.recorded(a, Step.VERIFY_IDENTITY).filter(r -> r.status() == ApplicationStatus.DECLINED)
                        .map(IdentityResult::reasons));
        if (early.isPresent()) {
            return new OriginationFigures.Outcome(a.createdAt(), Path.AUTO_DECLINED, Optional.empty(), amount, early.get());
        }
        Optional<ScoreResult> score = steps.recorded(a, Step.SCORE);
        if (score.isEmpty()) {
            return undecided(a, amount);
        }
        Optional<Review> review = steps.recorded(a, Step.REVIEW);
        return switch (score.get().outcome()) {
            case APPROVE -> new OriginationFigures.Outcome(a.createdAt(), Path.AUTO_APPROVED,
                    Optional.ofNullable(score.get().decidedAt()), amount, List.of());
            case DECLINE -> new OriginationFigures.Outcome(a.createdAt(), Path.AUTO_DECLINED, Optional.empty(), amount,
                    score.get().reasons());
            case REVIEW -> review.isEmpty() ? undecided(a, amount)
                    : review.get().approved()
                    ? new OriginationFigures.Outcome(a.createdAt(), Path.REVIEW_APPROVED, Optional.of(review.get().at()),
                    amount, List.of())
                    : new OriginationFigures.Outcome(a.createdAt(), Path.REVIEW_DECLINED, Optional.empty(), amount,
                    List.of(REVIEW_DECLINED));
        };
    }

    private static OriginationFigures.Outcome undecided(StoredApplication a, Money amount) {
        return new OriginationFigures.Outcome(a.createdAt(), Path.UNDECIDED, Optional.empty(), amount, List.of());
    }
}
