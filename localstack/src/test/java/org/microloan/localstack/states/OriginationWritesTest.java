package org.microloan.localstack.states;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.microloan.localstack.dynamodb.LocalDynamoDb;
import org.microloan.origination.crypto.AesGcmCipher;
import org.microloan.origination.intake.ApplicationIntake;
import org.microloan.origination.store.ApplicationStore;
import org.microloan.origination.store.DynamoApplicationStore;
import org.microloan.origination.store.OriginationTable;
import org.microloan.origination.store.StoredApplication;
import org.microloan.product.ProductCatalogue;
import org.microloan.testing.Configured;
import org.microloan.testing.Forms;
import org.microloan.workflow.ApplicationStatus;
import org.microloan.workflow.OriginationWorkflow;
import org.microloan.workflow.Step;
import org.microloan.workflow.TaskToken;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The definition's own writes, as it states them, against DynamoDB: a wait moves the status and keeps its
 * token in one write, and no write moves an application from a status that may not move there.
 */
class OriginationWritesTest {

    private static final String KEY = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    private static LocalDynamoDb dynamo;
    private static DynamoDbClient client;
    private static ApplicationStore store;
    private static JsonNode states;
    private static DynamoDbTasks tasks;

    @BeforeAll
    static void start() throws Exception {
        dynamo = LocalDynamoDb.start(0, Optional.empty(), client -> OriginationTable.createIfAbsent(client, "origination"));
        client = dynamo.client();
        store = new DynamoApplicationStore(client, "origination");
        states = JSON.readTree(OriginationWorkflow.definition().replace("${ApplicationsTable}", "origination")).get("States");
        tasks = new DynamoDbTasks(dynamo.endpoint());
    }

    @AfterAll
    static void stop() {
        client.close();
        dynamo.close();
    }

    private static final Instant ENTERED = Instant.parse("2026-12-01T02:03:04.567Z");

    /** An application walked to {@code status} by the steps' own writes. */
    private static String at(ApplicationStatus... path) {
        String id = UUID.randomUUID().toString();
        new ApplicationIntake(store, new AesGcmCipher(KEY), JSON, ProductCatalogue.bundled(),
                Configured.settings("origination"))
                .submit(id, "b-" + id, Forms.emergency(), Instant.now());
        for (ApplicationStatus next : path) {
            store.advance(store.find(id).orElseThrow(), next, "walk", "{}");
        }
        return id;
    }

    /** The state's Task run as the emulator runs it: its Parameters filled from the input and the task token. */
    private static JsonNode write(String state, String applicationId) {
        JsonNode task = states.get(state);
        JsonNode parameters = Paths.template(task.get("Parameters"),
                JSON.createObjectNode().put("applicationId", applicationId).set("failure",
                        JSON.createObjectNode().put("Error", "States.Timeout").put("Cause", "no answer")),
                JSON.createObjectNode().<ObjectNode>set("Task", JSON.createObjectNode().put("Token", "token-" + applicationId))
                        .set("State", JSON.createObjectNode().put("EnteredTime", ENTERED.toString())));
        return tasks.run(task.get("Resource").asText().replace(".waitForTaskToken", ""), parameters);
    }

    @Test
    void theAcceptanceWait_movesToQuoted_andKeepsItsToken_inOneWrite() throws Exception {
        String id = at(ApplicationStatus.APPLIED, ApplicationStatus.IDENTITY_VERIFIED, ApplicationStatus.SCORED);
        long before = store.find(id).orElseThrow().version();

        write("AwaitAcceptance", id);

        StoredApplication quoted = store.find(id).orElseThrow();
        assertThat(quoted.status()).isEqualTo(ApplicationStatus.QUOTED);
        assertThat(quoted.version()).isEqualTo(before + 1);
        assertThat(JSON.readValue(quoted.results().get(Step.ACCEPTANCE_TOKEN.key()), TaskToken.class).taskToken())
                .isEqualTo("token-" + id);
    }

    @Test
    void theReviewWait_movesToInReview_keepsItsToken_andJoinsTheQueue_inOneWrite() throws Exception {
        String id = at(ApplicationStatus.APPLIED, ApplicationStatus.IDENTITY_VERIFIED);

        write("ManualReview", id);

        StoredApplication inReview = store.find(id).orElseThrow();
        assertThat(inReview.status()).isEqualTo(ApplicationStatus.IN_REVIEW);
        assertThat(JSON.readValue(inReview.results().get(Step.REVIEW_TOKEN.key()), TaskToken.class).taskToken())
                .isEqualTo("token-" + id);
        assertThat(store.waitingForReview()).filteredOn(w -> w.application().applicationId().equals(id))
                .singleElement().satisfies(w -> assertThat(w.since()).isEqualTo(ENTERED));
    }

    @Test
    void anApplicationLeavesTheQueue_whenDeclined_orWhenItsWaitExpires() {
        String declined = at(ApplicationStatus.APPLIED, ApplicationStatus.IDENTITY_VERIFIED);
        String expired = at(ApplicationStatus.APPLIED, ApplicationStatus.IDENTITY_VERIFIED);
        write("ManualReview", declined);
        write("ManualReview", expired);

        store.advance(store.find(declined).orElseThrow(), ApplicationStatus.DECLINED, Step.REVIEW.key(), "{}");
        write("RecordExpiry", expired);

        assertThat(store.waitingForReview()).extracting(w -> w.application().applicationId())
                .doesNotContain(declined, expired);
        assertThat(store.find(expired).orElseThrow().status()).isEqualTo(ApplicationStatus.EXPIRED);
    }

    @Test
    void aFailureOrExpiry_isNotRecordedOverAFinalStatus() {
        String disbursed = at(ApplicationStatus.APPLIED, ApplicationStatus.IDENTITY_VERIFIED, ApplicationStatus.SCORED,
                ApplicationStatus.QUOTED, ApplicationStatus.ACCEPTED, ApplicationStatus.DISBURSED);

        for (String state : new String[] {"RecordFailure", "RecordExpiry"}) {
            assertThatThrownBy(() -> write(state, disbursed)).isInstanceOfSatisfying(StatesError.class,
                    e -> assertThat(e.error()).isEqualTo("DynamoDb.ConditionalCheckFailedException"));
        }
        assertThat(store.find(disbursed).orElseThrow().status()).isEqualTo(ApplicationStatus.DISBURSED);
    }

    @Test
    void anOfferNotAnswered_expires_movingTheVersionOn() {
        String quoted = at(ApplicationStatus.APPLIED, ApplicationStatus.IDENTITY_VERIFIED, ApplicationStatus.SCORED,
                ApplicationStatus.QUOTED);
        long before = store.find(quoted).orElseThrow().version();

        write("RecordExpiry", quoted);

        assertThat(store.find(quoted).orElseThrow().status()).isEqualTo(ApplicationStatus.EXPIRED);
        assertThat(store.find(quoted).orElseThrow().version()).isEqualTo(before + 1);
    }
}
