package org.microloan.origination.steps;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.microloan.decision.Decision;
import org.microloan.origination.intake.ApplicationIntake;
import org.microloan.origination.store.ApplicationStore;
import org.microloan.origination.store.ExposureReservations;
import org.microloan.origination.store.StoredApplication;
import org.microloan.scoring.Grade;
import org.microloan.testing.DynamoDbLocal;
import org.microloan.testing.Forms;
import org.microloan.testing.Walk;
import org.microloan.workflow.Acceptance;
import org.microloan.workflow.ApplicationStatus;
import org.microloan.workflow.ApplyResult;
import org.microloan.workflow.ConcurrentUpdateException;
import org.microloan.workflow.DisburseResult;
import org.microloan.workflow.IdentityResult;
import org.microloan.workflow.Offer;
import org.microloan.workflow.Replay;
import org.microloan.workflow.ReplayPoint;
import org.microloan.workflow.Review;
import org.microloan.workflow.ReviewProposal;
import org.microloan.workflow.ScoreResult;
import org.microloan.workflow.Step;
import org.microloan.workflow.TaskToken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every record the steps keep on an application comes back as it went in, through the store and the functions' JSON. */
@QuarkusTest
@QuarkusTestResource(DynamoDbLocal.class)
class StepRecordsTest {

    private static final Instant AT = Instant.parse("2026-11-22T08:00:00Z");

    @Inject
    StepContext steps;

    @Inject
    ApplicationIntake intake;

    @Inject
    ApplicationStore store;

    @Inject
    ExposureReservations exposure;

    private static Map<Step<?>, Object> samples(String id) {
        Map<Step<?>, Object> samples = new LinkedHashMap<>();
        samples.put(Step.APPLY, new ApplyResult(id, ApplicationStatus.APPLIED, List.of(), "consent-v3", AT));
        samples.put(Step.VERIFY_IDENTITY, new IdentityResult(id, ApplicationStatus.DECLINED, List.of("ID_CHECKSUM"), null));
        samples.put(Step.SCORE, new ScoreResult(id, Decision.Outcome.REVIEW, ApplicationStatus.IN_REVIEW, 612,
                new BigDecimal("0.0412"), Grade.C, List.of("GREY_BAND"), "cs-1", "cr-" + id, AT));
        samples.put(Step.REVIEW_PROPOSAL, ReviewProposal.of(true, "ops-7", "income checked with the tax bureau", AT)
                .returned("ops-8", "ask for the tax record first", AT));
        samples.put(Step.REVIEW, new Review(true, "ops-7", "income checked with the tax bureau", AT, "ops-9", "agreed"));
        samples.put(Step.QUOTE_RATE, new Offer("o-1", "10.95", "11.50", "10.40", null, null, "C", "3000.00", "5000.00", 3,
                "EQUAL_INSTALLMENT", "MONTHLY", "ACT/360", LocalDate.parse("2026-11-22"), AT, "cs-1",
                List.of(new Offer.Line(1, LocalDate.parse("2026-12-22"), "990.00", "26.00", "1016.00", "2010.00"))));
        samples.put(Step.ACCEPTANCE, new Acceptance(true, AT, "borrower"));
        samples.put(Step.DISBURSE, new DisburseResult(id, "l-1", "po-1", "3000.00"));
        samples.put(Step.REVIEW_TOKEN, new TaskToken("token-1"));
        samples.put(Step.ACCEPTANCE_TOKEN, new TaskToken("token-2"));
        samples.put(Step.REPLAY, new Replay(ReplayPoint.Score, "ops-7", "the bureau was down", "arn:x", AT));
        return samples;
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void everyRecordedValue_readsBackEqual_underItsStep() {
        String id = UUID.randomUUID().toString();
        intake.submit(id, "b-" + id, Forms.emergency(), Instant.now());
        Map<Step<?>, Object> samples = samples(id);
        assertThat(samples.keySet()).containsExactlyInAnyOrderElementsOf(Step.values());

        for (Map.Entry<Step<?>, Object> sample : samples.entrySet()) {
            steps.record(store.find(id).orElseThrow(), (Step) sample.getKey(), sample.getValue());
        }

        StoredApplication stored = store.find(id).orElseThrow();
        for (Map.Entry<Step<?>, Object> sample : samples.entrySet()) {
            Optional<Object> read = steps.recorded(stored, (Step) sample.getKey());
            assertThat(read).as("%s", sample.getKey()).contains(sample.getValue());
        }
    }

    @Test
    void aStepRunsOneAtATime_aFailedRunLetsGo_andAnUnknownApplicationIsNamed() {
        String id = UUID.randomUUID().toString();
        intake.submit(id, "b-" + id, Forms.emergency(), Instant.now());
        StepInput input = new StepInput(id);
        java.time.Duration runsAtMost = java.time.Duration.ofSeconds(30);

        String seen = steps.once(input, Step.SCORE, runsAtMost, running -> {
            // a second delivery of the same invocation while this one runs
            assertThatThrownBy(() -> steps.once(input, Step.SCORE, runsAtMost, again -> "twice"))
                    .isInstanceOf(ConcurrentUpdateException.class);
            return running.status().name();
        });
        assertThat(seen).isEqualTo("RECEIVED");

        assertThatThrownBy(() -> steps.once(input, Step.APPLY, runsAtMost, failing -> {
            throw new IllegalStateException("the bureau answered nonsense");
        })).hasMessage("the bureau answered nonsense");
        String retried = steps.once(input, Step.APPLY, runsAtMost, StoredApplication::applicationId);
        assertThat(retried).isEqualTo(id);

        assertThatThrownBy(() -> steps.once(new StepInput("no-such-application"), Step.APPLY, runsAtMost, a -> a))
                .isInstanceOf(org.microloan.workflow.UnknownApplicationException.class);
        assertThatThrownBy(() -> steps.once(new StepInput(" "), Step.APPLY, runsAtMost, a -> a))
                .hasMessageContaining("applicationId");
    }

    @Test
    void aStepWithNothingOutsideTheTable_runsUnclaimed_ofTwoRunsAtOnceOneRecords_andTheOthersRetryFindsThatRecord() {
        String id = UUID.randomUUID().toString();
        intake.submit(id, "b-" + id, Forms.emergency(), Instant.now());
        StepInput input = new StepInput(id);
        long before = store.find(id).orElseThrow().version();
        ApplyResult first = new ApplyResult(id, ApplicationStatus.APPLIED, List.of(), "v1", AT);
        ApplyResult second = new ApplyResult(id, ApplicationStatus.APPLIED, List.of(), "v2", AT);

        steps.onRead(input, running -> {
            assertThat(store.find(id).orElseThrow().version()).as("reading wrote nothing: no claim").isEqualTo(before);
            // another run of the same step, at the same moment, records first
            steps.onRead(input, other -> steps.advance(other, ApplicationStatus.APPLIED, Step.APPLY, second));
            assertThatThrownBy(() -> steps.advance(running, ApplicationStatus.APPLIED, Step.APPLY, first))
                    .isInstanceOf(ConcurrentUpdateException.class);
            return null;
        });
        ApplyResult retried = steps.onRead(input, again -> steps.recorded(again, Step.APPLY).orElseThrow());
        assertThat(retried).as("the workflow's retry finds what was recorded").isEqualTo(second);

        assertThatThrownBy(() -> steps.onRead(new StepInput("no-such-application"), a -> a))
                .isInstanceOf(org.microloan.workflow.UnknownApplicationException.class);
        assertThatThrownBy(() -> steps.onRead(new StepInput(" "), a -> a)).hasMessageContaining("applicationId");
    }

    @Test
    void anAcceptanceRecordedBeforeItHadAShape_readsAsAnAcceptance() {
        String id = UUID.randomUUID().toString();
        intake.submit(id, "b-" + id, Forms.emergency(), Instant.now());
        store.record(store.find(id).orElseThrow(), Step.ACCEPTANCE.key(), "{\"via\":\"workflow\"}");

        assertThat(steps.recorded(store.find(id).orElseThrow(), Step.ACCEPTANCE).orElseThrow().accepted()).isTrue();
    }

    @Test
    void theAcceptanceRecordedByAnotherWriterAtTheSameMoment_isReached_evenPaidOut_butAnyOtherChangeStillConflicts() {
        String id = new Walk(intake, store, exposure).to(ApplicationStatus.QUOTED, Forms.emergency(), Map.of(
                "quote-rate", "{\"offerId\":\"o-1\"}"));
        StoredApplication seen = store.find(id).orElseThrow();
        steps.advance(seen, ApplicationStatus.ACCEPTED, Step.ACCEPTANCE, new Acceptance(true, AT, "borrower"));

        StoredApplication reached = steps.reach(seen, ApplicationStatus.ACCEPTED, Step.ACCEPTANCE, new Acceptance(true, AT, "workflow"));
        assertThat(reached.status()).isEqualTo(ApplicationStatus.ACCEPTED);
        assertThat(steps.result(reached, Step.ACCEPTANCE).via()).isEqualTo("borrower");

        // the payout step recorded the acceptance and paid out before the borrower's answer was written
        String paid = new Walk(intake, store, exposure).to(ApplicationStatus.QUOTED, Forms.emergency(), Map.of(
                "quote-rate", "{\"offerId\":\"o-3\"}"));
        StoredApplication quoted = store.find(paid).orElseThrow();
        StoredApplication accepted = steps.reach(quoted, ApplicationStatus.ACCEPTED, Step.ACCEPTANCE, new Acceptance(true, AT, "workflow"));
        store.advance(accepted, ApplicationStatus.DISBURSED, Step.DISBURSE.key(), "{\"loanId\":\"l-3\"}");
        StoredApplication answered = steps.reach(quoted, ApplicationStatus.ACCEPTED, Step.ACCEPTANCE, new Acceptance(true, AT, "borrower"));
        assertThat(answered.status()).isEqualTo(ApplicationStatus.DISBURSED);
        assertThat(steps.result(answered, Step.ACCEPTANCE).via()).isEqualTo("workflow");

        String other = new Walk(intake, store, exposure).to(ApplicationStatus.QUOTED, Forms.emergency(), Map.of(
                "quote-rate", "{\"offerId\":\"o-2\"}"));
        StoredApplication stale = store.find(other).orElseThrow();
        steps.record(stale, Step.ACCEPTANCE_TOKEN, new TaskToken("t-2"));
        assertThatThrownBy(() -> steps.reach(stale, ApplicationStatus.ACCEPTED, Step.ACCEPTANCE, new Acceptance(true, AT, "workflow")))
                .isInstanceOf(ConcurrentUpdateException.class);
    }
}
