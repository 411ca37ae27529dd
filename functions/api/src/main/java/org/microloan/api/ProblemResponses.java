package org.microloan.api;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Every error the API answers is an RFC 9457 problem ({@link Problem}); this writes that into the
 * document: a {@code Problem} schema, and each operation's 4XX answers as {@code application/problem+json}
 * of it, so the app can code to its errors as to its answers.
 */
public class ProblemResponses implements OASFilter {

    private static final String REF = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Schema field = OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .properties(Map.of("field", text("a JSON pointer into the body, or query:NAME / header:NAME"),
                        "detail", text("what was wrong, and what to send instead")));
        Schema problem = OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .description("RFC 9457 problem details; never a stack trace or personal data")
                .properties(Map.of(
                        "type", text("stable per kind of error, e.g. https://microloan.dev/problems/idempotency-key-reused"),
                        "title", text("the kind of error, in words"),
                        "status", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)),
                        "detail", text("this occurrence, in words"),
                        "errors", OASFactory.createSchema().type(List.of(Schema.SchemaType.ARRAY)).items(field)))
                .required(List.of("type", "title", "status"));
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema("Problem", problem);
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(this::problems));
    }

    private void problems(Operation operation) {
        Content content = OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(REF)));
        if (operation.getResponses().getAPIResponses() != null) {
            for (Map.Entry<String, APIResponse> response : operation.getResponses().getAPIResponses().entrySet()) {
                if (response.getKey().startsWith("4")) {
                    response.getValue().setContent(content);
                }
            }
        }
        operation.getResponses().addAPIResponse("4XX", OASFactory.createAPIResponse()
                .description("Refused: see the problem's type and errors").content(content));
    }

    private static Schema text(String description) {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).description(description);
    }
}
