package org.microloan.configuration;

import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseSecretTest {

    @Test
    void theSecretRdsKeeps_isReadOnce_throughSecretsManager_andNeverPrinted() {
        WireMockServer secretsManager = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        secretsManager.start();
        try {
            secretsManager.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("secretsmanager.GetSecretValue"))
                    .withRequestBody(containing("arn:aws:secretsmanager:cn-north-1:1:secret:books"))
                    .willReturn(aResponse().withHeader("Content-Type", "application/x-amz-json-1.1").withBody(
                            "{\"ARN\":\"arn:aws:secretsmanager:cn-north-1:1:secret:books\",\"Name\":\"books\","
                                    + "\"SecretString\":\"{\\\"username\\\":\\\"microloan\\\",\\\"password\\\":\\\"s3cr3t\\\","
                                    + "\\\"host\\\":\\\"books.cluster\\\",\\\"port\\\":5432}\"}")));
            System.setProperty("aws.endpointUrlSecretsManager", secretsManager.baseUrl());
            System.setProperty("aws.region", "cn-north-1");
            System.setProperty("aws.accessKeyId", "test");
            System.setProperty("aws.secretAccessKey", "test");

            DatabaseSecret secret = DatabaseSecret.read("arn:aws:secretsmanager:cn-north-1:1:secret:books");

            assertThat(secret).isEqualTo(new DatabaseSecret("microloan", "s3cr3t"));
            assertThat(secret.toString()).doesNotContain("s3cr3t");

            // the platform's secret: every field is a setting, by the name the function reads it under
            secretsManager.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("secretsmanager.GetSecretValue"))
                    .withRequestBody(containing("secret:platform"))
                    .willReturn(aResponse().withHeader("Content-Type", "application/x-amz-json-1.1").withBody(
                            "{\"Name\":\"platform\",\"SecretString\":\"{\\\"MICROLOAN_PERSON_KEY_SECRET\\\":\\\"a2V5\\\","
                                    + "\\\"microloan.partners.acme.secret\\\":\\\"whsec_x\\\"}\"}")));
            List<String> both = AwsSecrets.secretStrings(List.of("arn:aws:secretsmanager:cn-north-1:1:secret:books",
                    "arn:aws:secretsmanager:cn-north-1:1:secret:platform"));
            assertThat(DatabaseSecret.parse(both.get(0))).isEqualTo(secret);
            assertThat(AwsSecrets.fieldsOf(both.get(1)))
                    .containsEntry("MICROLOAN_PERSON_KEY_SECRET", "a2V5").containsEntry("microloan.partners.acme.secret", "whsec_x");
        } finally {
            secretsManager.stop();
            System.clearProperty("aws.endpointUrlSecretsManager");
        }
    }

    @Test
    void aSecretWithoutItsPassword_isRefused_sayingSo() {
        assertThatThrownBy(() -> DatabaseSecret.parse("{\"username\":\"microloan\"}"))
                .hasMessage("the database secret has no username or password");
        assertThat(new AwsSecretsConfigSource().getProperties()).as("no secret ARN set here").isEmpty();
    }
}
