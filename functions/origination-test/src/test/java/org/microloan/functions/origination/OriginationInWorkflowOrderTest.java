package org.microloan.functions.origination;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.microloan.functions.apply.ApplyFunction;
import org.microloan.functions.disburse.DisburseFunction;
import org.microloan.functions.quoterate.QuoteRateFunction;
import org.microloan.functions.score.ScoreFunction;
import org.microloan.functions.verifyidentity.VerifyIdentityFunction;
import org.microloan.ledger.Books;
import org.microloan.money.Money;
import org.microloan.origination.intake.ApplicationIntake;
import org.microloan.origination.steps.StepInput;
import org.microloan.origination.store.ApplicationStore;
import org.microloan.origination.store.ExposureReservations;
import org.microloan.origination.store.StoredApplication;
import org.microloan.testing.DynamoDbLocal;
import org.microloan.testing.Forms;
import org.microloan.testing.Postgres;
import org.microloan.testing.ProviderStubs;
import org.microloan.workflow.ApplicationStatus;
import org.microloan.workflow.Step;

/**
 * The five functions in the order the ASL runs them, against one DynamoDB and one PostgreSQL, and then
 * the whole execution again with the same inputs (as ops replaying it would): one loan, one payout, a
 * balanced journal.
 */
@QuarkusTest
@QuarkusTestResource(DynamoDbLocal.class)
@QuarkusTestResource(Postgres.class)
@QuarkusTestResource(ProviderStubs.class)
class OriginationInWorkflowOrderTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    ApplyFunction apply;

    @Inject
    VerifyIdentityFunction verifyIdentity;

    @Inject
    ScoreFunction score;

    @Inject
    QuoteRateFunction quoteRate;

    @Inject
    DisburseFunction disburse;

    @Inject
    ApplicationIntake intake;

    @Inject
    ApplicationStore store;

    @Inject
    ExposureReservations exposure;

    @Inject
    Books books;

    /** What Lambda hands a function with each invocation: here only the time left matters. */
    private static final Context LAMBDA = new Context() {
        public String getAwsRequestId() { return "test"; }
        public String getLogGroupName() { return "test"; }
        public String getLogStreamName() { return "test"; }
        public String getFunctionName() { return "test"; }
        public String getFunctionVersion() { return "$LATEST"; }
        public String getInvokedFunctionArn() { return "arn:aws:lambda:us-east-1:000000000000:function:test"; }
        public CognitoIdentity getIdentity() { return null; }
        public ClientContext getClientContext() { return null; }
        public int getRemainingTimeInMillis() { return 60_000; }
        public int getMemoryLimitInMB() { return 1024; }
        public LambdaLogger getLogger() { return null; }
    };

    /** One execution, the way the state machine walks it for an approved application. */
    private List<Object> execution(String applicationId, String executionName) {
        StepInput step = new StepInput(applicationId);
        List<Object> results = new ArrayList<>();
        results.add(apply.handleRequest(step, LAMBDA));
        results.add(verifyIdentity.handleRequest(step, LAMBDA));
        results.add(score.handleRequest(step, LAMBDA));
        results.add(quoteRate.handleRequest(step, LAMBDA));
        // AwaitAcceptance: the definition's one write (QUOTED and the token); the borrower's acceptance resumes it
        StoredApplication quoted = store.find(applicationId).orElseThrow();
        if (quoted.status() == ApplicationStatus.SCORED) {
            store.advance(quoted, ApplicationStatus.QUOTED, Step.ACCEPTANCE_TOKEN.key(),
                    "{\"taskToken\":\"token-" + executionName + "\"}");
        }
        results.add(disburse.handleRequest(step, LAMBDA));
        return results;
    }

    @Test
    void twoExecutionsOfOneApplication_payOnce_bookOneLoan_andTheJournalBalances() {
        String borrower = "b-" + UUID.randomUUID();
        String id = UUID.randomUUID().toString();
        intake.submit(id, borrower, Forms.ofSomeoneElse(Forms.emergency()), Instant.now());

        List<Object> first = execution(id, "first");
        List<Object> second = execution(id, "replay");

        assertThat(second).isEqualTo(first);
        assertThat(store.find(id).orElseThrow().status()).isEqualTo(ApplicationStatus.DISBURSED);
        assertThat(books.loanCount(id).await().atMost(WAIT)).isEqualTo(1);
        assertThat(ProviderStubs.server().findAll(postRequestedFor(urlEqualTo("/v1/payouts"))
                .withRequestBody(containing(id)))).hasSize(1);
        assertThat(books.unbalancedTransactions().await().atMost(WAIT)).isEmpty();
        assertThat(exposure.total(store.find(id).orElseThrow().exposureKey())).as("the loan's principal, once")
                .isEqualTo(Money.of("3000"));
    }
}
