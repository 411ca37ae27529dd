package org.microloan.decision;

import java.util.List;
import java.util.Optional;

import org.microloan.scoring.CreditScore;

/** The outcome of an application: a result, never an exception. Every one names the model version. */
public sealed interface Decision permits Decision.Approved, Decision.Declined, Decision.Referred {

    enum Outcome { APPROVE, DECLINE, REVIEW }

    Outcome outcome();

    String modelVersion();

    /** The score, when the model was asked (not when a knock-out rule declined first). */
    Optional<CreditScore> score();

    record Approved(CreditScore creditScore) implements Decision {
        public Outcome outcome() {
            return Outcome.APPROVE;
        }

        public String modelVersion() {
            return creditScore.modelVersion();
        }

        public Optional<CreditScore> score() {
            return Optional.of(creditScore);
        }
    }

    /** @param reasons up to four, most important first */
    record Declined(String modelVersion, List<Reason> reasons, Optional<CreditScore> score) implements Decision {
        public Declined {
            reasons = List.copyOf(reasons);
            if (reasons.isEmpty()) {
                throw new IllegalArgumentException("a decline always carries its reasons");
            }
        }

        public Outcome outcome() {
            return Outcome.DECLINE;
        }
    }

    /** Sent to a person: a large loan whose score is too close to the cut-off for the model alone. */
    record Referred(CreditScore creditScore, Reason why) implements Decision {
        public Outcome outcome() {
            return Outcome.REVIEW;
        }

        public String modelVersion() {
            return creditScore.modelVersion();
        }

        public Optional<CreditScore> score() {
            return Optional.of(creditScore);
        }
    }
}
