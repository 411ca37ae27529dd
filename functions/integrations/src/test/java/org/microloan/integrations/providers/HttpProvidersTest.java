package org.microloan.integrations.providers;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.microloan.testing.ProviderStubs;
import org.microloan.workflow.ProviderRejectedException;
import org.microloan.workflow.ProviderUnavailableException;

@QuarkusTest
@QuarkusTestResource(ProviderStubs.class)
class HttpProvidersTest {

    private static final IdentityVerifier.Request KYC = new IdentityVerifier.Request("app-1", "张三",
            "11010519491231002X", "13812345678", "live-1");
    private static final PaymentRail.Request PAYOUT = new PaymentRail.Request("app-1", "3000.00", "CNY", "BORROWER",
            "张三", "6222021234567890123");

    @Inject
    HttpProviders providers;

    @AfterEach
    void happyAgain() {
        ProviderStubs.reset();
    }

    @Test
    void kyc_match() {
        IdentityVerifier.Result result = providers.verify(KYC);

        assertThat(result.passed()).isTrue();
        assertThat(result.verificationId()).isEqualTo("kyc-app-1");
    }

    @Test
    void kyc_noMatch_isAnAnswer_notAFailure() {
        ProviderStubs.kycNoMatch();

        assertThat(providers.verify(KYC).passed()).isFalse();
    }

    @Test
    void bureau_report() {
        CreditBureau.Report report = providers.report(new CreditBureau.Request("app-1", "11010519491231002X", "张三",
                "2026-01", "2026-11-22T08:00:00Z"));

        assertThat(report.pastDefaultRecords()).isFalse();
        assertThat(report.reportId()).isEqualTo("cr-app-1");
    }

    @Test
    void aServerErrorOnce_isRetried_andSucceeds() {
        ProviderStubs.server().stubFor(post(urlEqualTo("/v1/payouts")).inScenario("flaky")
                .whenScenarioStateIs(Scenario.STARTED).willReturn(aResponse().withStatus(503)).willSetStateTo("recovered"));
        ProviderStubs.server().stubFor(post(urlEqualTo("/v1/payouts")).inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"payoutId\":\"po-1\",\"status\":\"SETTLED\",\"amount\":\"3000.00\"}")));

        assertThat(providers.pay(PAYOUT, "disburse-app-1").payoutId()).isEqualTo("po-1");
        ProviderStubs.server().verify(2, postRequestedFor(urlEqualTo("/v1/payouts"))
                .withHeader("Idempotency-Key", equalTo("disburse-app-1")));
    }

    @Test
    void serverErrorsThatPersist_endInProviderUnavailable_afterThreeTries() {
        ProviderStubs.failing("/v1/verifications", 502);

        assertThatThrownBy(() -> providers.verify(KYC))
                .isExactlyInstanceOf(ProviderUnavailableException.class)
                .hasMessage("kyc unavailable: HTTP 502")
                .message().doesNotContain("11010519491231002X");
        ProviderStubs.server().verify(3, postRequestedFor(urlEqualTo("/v1/verifications")));
    }

    @Test
    void noAnswerInTime_isProviderUnavailable() {
        ProviderStubs.slow("/v1/reports", 3000);

        assertThatThrownBy(() -> providers.report(new CreditBureau.Request("app-1", "x", "y", "v", "t")))
                .isExactlyInstanceOf(ProviderUnavailableException.class)
                .hasMessageStartingWith("bureau unavailable: no answer");
    }

    @Test
    void aRefusal_isNotRetried() {
        ProviderStubs.failing("/v1/payouts", 422);

        assertThatThrownBy(() -> providers.pay(PAYOUT, "disburse-app-1"))
                .isInstanceOf(ProviderRejectedException.class)
                .hasMessage("rail refused the request with HTTP 422");
        ProviderStubs.server().verify(1, postRequestedFor(urlEqualTo("/v1/payouts")));
    }

    @Test
    void sms_aServerErrorOnce_isRetried_withTheSameKey_andOnlyTheMaskedNumberInTheParameters() {
        ProviderStubs.server().stubFor(post(urlEqualTo("/v1/messages")).inScenario("sms")
                .whenScenarioStateIs(Scenario.STARTED).willReturn(aResponse().withStatus(500)).willSetStateTo("up"));
        ProviderStubs.server().stubFor(post(urlEqualTo("/v1/messages")).inScenario("sms").whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"messageId\":\"m-1\"}")));

        Messages.Receipt receipt = providers.send(new Messages.Message("13812345678", "OVERDUE_SMS",
                Map.of("mobile", "138****5678", "days", "5")), "contact-1");

        assertThat(receipt.messageId()).isEqualTo("m-1");
        ProviderStubs.server().verify(2, postRequestedFor(urlEqualTo("/v1/messages"))
                .withHeader("Idempotency-Key", equalTo("contact-1")));
    }

    @Test
    void aCollection_isDebitedWithItsKey_andTheRailsAnswerIsAnAnswer_succeededFailedOrPending() {
        PaymentRail.CollectionRequest debit = new PaymentRail.CollectionRequest("c-1", "1066.19", "CNY", "张三",
                "6222021234567890123");

        PaymentRail.Collection succeeded = providers.collect(debit, "collect-c-1");
        ProviderStubs.collections("FAILED", "INSUFFICIENT_FUNDS");
        PaymentRail.Collection failed = providers.collect(debit, "collect-c-2");
        ProviderStubs.collections("PENDING", null);
        PaymentRail.Collection pending = providers.collect(debit, "collect-c-3");

        assertThat(succeeded).isEqualTo(new PaymentRail.Collection("co-collect-c-1", "SUCCEEDED", "1066.19", null));
        assertThat(failed.status() + " " + failed.reason()).isEqualTo("FAILED INSUFFICIENT_FUNDS");
        assertThat(pending.status()).isEqualTo("PENDING");
        ProviderStubs.server().verify(postRequestedFor(urlEqualTo("/v1/collections"))
                .withHeader("Idempotency-Key", equalTo("collect-c-1")));
        assertThat(debit.toString()).doesNotContain("6222").doesNotContain("张三");
    }

    @Test
    void aCollectionTheRailCannotTakeNow_isRetried_thenUnavailable_andARefusalIsNot() {
        PaymentRail.CollectionRequest debit = new PaymentRail.CollectionRequest("c-9", "10.00", "CNY", "张三",
                "6222021234567890123");
        ProviderStubs.failing("/v1/collections", 503);
        assertThatThrownBy(() -> providers.collect(debit, "collect-c-9")).isInstanceOf(ProviderUnavailableException.class);
        ProviderStubs.server().verify(3, postRequestedFor(urlEqualTo("/v1/collections")));

        ProviderStubs.server().resetRequests();
        ProviderStubs.failing("/v1/collections", 422);
        assertThatThrownBy(() -> providers.collect(debit, "collect-c-9")).isInstanceOf(ProviderRejectedException.class);
        ProviderStubs.server().verify(1, postRequestedFor(urlEqualTo("/v1/collections")));
    }

    @Test
    void theSameIdempotencyKey_isTheSamePayout() {
        assertThat(providers.pay(PAYOUT, "disburse-app-9").payoutId())
                .isEqualTo(providers.pay(PAYOUT, "disburse-app-9").payoutId());
    }
}
