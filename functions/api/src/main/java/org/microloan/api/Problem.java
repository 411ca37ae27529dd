package org.microloan.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.ws.rs.core.Response;

/**
 * An RFC 9457 problem: a stable {@code type} per kind of error, what went wrong, and for bad input every
 * offending field with what to send instead. Never a class name, a stack trace or personal data.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<Field> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String BASE = "https://microloan.dev/problems/";

    public record Field(String field, String detail) {
    }

    public static Response response(int status, String type, String title, String detail, List<Field> errors) {
        return Response.status(status).type(MEDIA_TYPE).entity(new Problem(BASE + type, title, status, detail, errors)).build();
    }

    public static Response response(int status, String type, String title, String detail) {
        return response(status, type, title, detail, List.of());
    }
}
