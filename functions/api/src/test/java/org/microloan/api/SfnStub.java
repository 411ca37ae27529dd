package org.microloan.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.microloan.support.testing.ProviderStubs;

/** The Step Functions JSON API's StartExecution, stubbed; the SDK finds it through its standard endpoint setting. */
public final class SfnStub implements QuarkusTestResourceLifecycleManager {

    static void stub() {
        ProviderStubs.server().stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AWSStepFunctions.StartExecution"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.0")
                        .withBody("{\"executionArn\":\"arn:aws:states:us-east-1:000000000000:execution:origination:"
                                + "{{jsonPath request.body '$.name'}}\",\"startDate\":1.7E9}")));
        ProviderStubs.server().stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AWSStepFunctions.SendTaskSuccess"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.0").withBody("{}")));
    }

    @Override
    public Map<String, String> start() {
        stub();
        System.setProperty("aws.endpointUrlSfn", "http://localhost:" + ProviderStubs.server().port());
        return Map.of();
    }

    @Override
    public void stop() {
    }
}
