package org.microloan.api;

import java.net.URI;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * Starts the origination state machine for an application: one execution per application (its id is
 * the execution name), with the application id as its only input. The endpoint comes from the SDK's
 * standard settings.
 */
@ApplicationScoped
public class Workflow {

    @ConfigProperty(name = "microloan.state-machine-arn")
    String stateMachineArn;

    private final ObjectMapper json;
    private final SfnClient sfn;

    public Workflow(ObjectMapper json, SfnClient sfn) {
        this.json = json;
        this.sfn = sfn;
    }

    /** The execution's ARN. */
    public String start(String applicationId) {
        try {
            String input = json.writeValueAsString(Map.of("applicationId", applicationId));
            return sfn.startExecution(b -> b.stateMachineArn(stateMachineArn).name(applicationId).input(input)).executionArn();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Answers a waiting task (a person's review, a borrower's acceptance) with its output. */
    public void answer(String taskToken, Map<String, Object> output) {
        try {
            String body = json.writeValueAsString(output);
            sfn.sendTaskSuccess(b -> b.taskToken(taskToken).output(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @ApplicationScoped
    static class Clients {
        @Produces
        @ApplicationScoped
        SfnClient sfn() {
            return SfnClient.builder().httpClient(UrlConnectionHttpClient.create()).endpointOverride(endpoint()).build();
        }

        /**
         * The mirror has sfn only at 2.20.0, whose client cannot resolve endpoints with this SDK core: the
         * SDK's standard settings are read here instead (AWS_ENDPOINT_URL_SFN, then AWS_ENDPOINT_URL, as
         * environment or system properties), else the region's Step Functions endpoint.
         */
        static URI endpoint() {
            for (String value : new String[] {System.getProperty("aws.endpointUrlSfn"), System.getenv("AWS_ENDPOINT_URL_SFN"),
                    System.getProperty("aws.endpointUrl"), System.getenv("AWS_ENDPOINT_URL")}) {
                if (value != null && !value.isBlank()) {
                    return URI.create(value.trim());
                }
            }
            return URI.create("https://states." + DefaultAwsRegionProviderChain.builder().build().getRegion().id()
                    + ".amazonaws.com");
        }
    }
}
