package org.microloan.api;

import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;

import static io.restassured.RestAssured.given;

/** A JSON request from a person signed in with a role, with a token the tests' key signs. */
final class SignedIn {

    private SignedIn() {
    }

    static RequestSpecification as(String subject, String role) {
        return given().header("Authorization", "Bearer " + Jwt.subject(subject).groups(role).sign())
                .contentType("application/json");
    }
}
