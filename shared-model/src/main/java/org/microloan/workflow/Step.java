package org.microloan.workflow;

import java.util.List;

/**
 * What origination records on an application, each under its key with its type: the steps' results, the
 * people's answers (ops' review, the borrower's acceptance), the waits' task tokens and ops' replays.
 * Reading {@code Step.SCORE} gives a {@link ScoreResult}; nothing reads a recorded result field by field.
 * (A class of typed constants rather than an enum: an enum constant cannot carry its own type.)
 *
 * @param <T> the recorded value's type
 */
public final class Step<T> {

    public static final Step<ApplyResult> APPLY = new Step<>("apply", ApplyResult.class);
    public static final Step<IdentityResult> VERIFY_IDENTITY = new Step<>("verify-identity", IdentityResult.class);
    public static final Step<ScoreResult> SCORE = new Step<>("score", ScoreResult.class);
    public static final Step<Review> REVIEW = new Step<>("review", Review.class);
    public static final Step<ReviewProposal> REVIEW_PROPOSAL = new Step<>("reviewProposal", ReviewProposal.class);
    public static final Step<Offer> QUOTE_RATE = new Step<>("quote-rate", Offer.class);
    public static final Step<Acceptance> ACCEPTANCE = new Step<>("acceptance", Acceptance.class);
    public static final Step<DisburseResult> DISBURSE = new Step<>("disburse", DisburseResult.class);
    public static final Step<TaskToken> REVIEW_TOKEN = new Step<>("reviewToken", TaskToken.class);
    public static final Step<TaskToken> ACCEPTANCE_TOKEN = new Step<>("acceptanceToken", TaskToken.class);
    public static final Step<Replay> REPLAY = new Step<>("replay", Replay.class);

    private static final List<Step<?>> ALL = List.of(APPLY, VERIFY_IDENTITY, SCORE, REVIEW_PROPOSAL, REVIEW, QUOTE_RATE, ACCEPTANCE, DISBURSE,
            REVIEW_TOKEN, ACCEPTANCE_TOKEN, REPLAY);

    private final String key;
    private final Class<T> type;

    private Step(String key, Class<T> type) {
        this.key = key;
        this.type = type;
    }

    /** Everything recorded, the steps in the order origination records them. */
    public static List<Step<?>> values() {
        return ALL;
    }

    /** The name the value is recorded under on the application, and the idempotency key's prefix. */
    public String key() {
        return key;
    }

    public Class<T> type() {
        return type;
    }

    @Override
    public String toString() {
        return key;
    }
}
