package org.microloan.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.Test;
import org.microloan.testing.DynamoDbLocal;
import org.microloan.testing.Postgres;
import org.microloan.testing.ProviderStubs;

/**
 * The committed OpenAPI document is what the API serves (a change to the API shows up as a diff to
 * review), it is a valid OpenAPI document, and every operation states its errors as problems.
 */
@QuarkusTest
@QuarkusTestResource(DynamoDbLocal.class)
@QuarkusTestResource(Postgres.class)
@QuarkusTestResource(ProviderStubs.class)
@QuarkusTestResource(SfnStub.class)
class OpenApiContractTest {

    private static final Path COMMITTED = Path.of("openapi/openapi.json");
    private static final Path SERVED = Path.of("target/openapi.json");

    @Test
    void theServedDocument_isTheCommittedContract() throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
        JsonNode served = json.readTree(given().when().get("/q/openapi?format=json").then().statusCode(200)
                .extract().asString());
        Files.writeString(SERVED, json.writeValueAsString(json.treeToValue(served, Object.class)) + "\n");

        assertThat(served.path("openapi").asText()).startsWith("3.");
        List<String> operations = new ArrayList<>();
        served.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            operations.add(op.getKey().toUpperCase() + " " + path.getKey());
            assertThat(op.getValue().path("responses").size()).as("responses of %s %s", op.getKey(), path.getKey())
                    .isPositive();
        }));
        assertThat(operations).contains("POST /v1/applications", "GET /v1/applications/{id}",
                "POST /v1/applications/{id}/acceptance", "POST /v1/partners/{partnerId}/applications",
                "GET /v1/loans/{id}/payoff", "POST /v1/loans/{id}/repayments", "POST /v1/ops/reviews/{applicationId}",
                "GET /v1/ops/portfolio", "POST /v1/ops/loans/{loanId}/signals",
                "GET /v1/loans/{id}/repayments/{repaymentId}", "POST /v1/rail/callbacks",
                "POST /v1/ops/loans/{loanId}/repayments");

        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(Files.readString(SERVED), null, options);
        assertThat(parsed.getMessages()).as("the document against the OpenAPI specification").isEmpty();
        // and the check does catch a broken document: no info, a response without a description
        String broken = "{\"openapi\": \"3.1.0\", \"paths\": {\"/x\": {\"get\": {\"responses\": {\"200\": {}}}}}}";
        assertThat(new OpenAPIV3Parser().readContents(broken, null, options).getMessages()).isNotEmpty();
        assertThat(served.at("/components/schemas/Problem/required").toString()).contains("type", "status");
        served.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op ->
                assertThat(op.getValue().at("/responses/4XX/content/application~1problem+json/schema/$ref").asText())
                        .as("the errors of %s %s", op.getKey(), path.getKey()).isEqualTo("#/components/schemas/Problem")));

        // documented as a mobile developer reads it: every operation says what it does, every JSON body has an
        // example, and every schema is a real one (no Jackson tree, no name clash)
        served.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            assertThat(op.getValue().path("summary").asText()).as("summary of %s %s", op.getKey(), path.getKey()).isNotBlank();
            assertThat(op.getValue().path("description").asText()).as("description of %s %s", op.getKey(), path.getKey())
                    .isNotBlank();
            JsonNode body = op.getValue().at("/requestBody/content/application~1json");
            if (!body.isMissingNode()) {
                assertThat(body.path("examples").size()).as("examples of %s %s", op.getKey(), path.getKey()).isPositive();
            }
        }));
        served.path("components").path("schemas").fieldNames().forEachRemaining(name ->
                assertThat(name).as("a schema named twice").doesNotMatch(".*\\d$"));
        assertThat(served.path("components").toString()).doesNotContain("missingNode", "\"pojo\"");

        assertThat(Files.exists(COMMITTED)).as("no %s: copy %s there", COMMITTED, SERVED).isTrue();
        assertThat(served.equals(json.readTree(COMMITTED.toFile())))
                .as("the API changed: review the difference and copy %s to %s", SERVED, COMMITTED).isTrue();
    }
}
