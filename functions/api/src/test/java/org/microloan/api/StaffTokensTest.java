package org.microloan.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.microloan.testing.DynamoDbLocal;
import org.microloan.testing.Postgres;
import org.microloan.testing.ProviderStubs;

/**
 * Staff signed in with their own issuer (a Cognito user pool's ID token: the console's client id as audience, the
 * roles in cognito:groups) are verified against that issuer's keys; borrowers' tokens go on as before.
 */
@QuarkusTest
@QuarkusTestResource(DynamoDbLocal.class)
@QuarkusTestResource(Postgres.class)
@QuarkusTestResource(ProviderStubs.class)
@QuarkusTestResource(SfnStub.class)
class StaffTokensTest {

    @Inject
    VerifiedTokens verified;

    private static final String POOL = "https://cognito-idp.ap-east-1.amazonaws.com/ap-east-1_staff";

    private static JwtClaimsBuilder idToken(String group) {
        return Jwt.issuer(POOL).audience("microloan-console").subject("5f0c-staff").claim("cognito:groups", List.of(group))
                .claim("token_use", "id");
    }

    private static int collections(String token) {
        return given().header("Authorization", "Bearer " + token).when().get("/v1/ops/collections").then().extract()
                .statusCode();
    }

    @Test
    void aStaffTokenFromThePool_isVerifiedByItsKeys_andItsGroupsAreTheRoles() {
        assertThat(collections(idToken("collector").sign("staffPrivateKey.pem"))).isEqualTo(200);
        assertThat(collections(idToken("reviewer").sign("staffPrivateKey.pem"))).isEqualTo(403);
    }

    @Test
    void aPoolTokenSignedByAnotherKey_forAnotherAudience_orExpired_isRefused() {
        assertThat(collections(idToken("collector").sign("privateKey.pem"))).as("the borrowers' key").isEqualTo(401);
        assertThat(collections(idToken("collector").audience("someone-else").sign("staffPrivateKey.pem"))).isEqualTo(401);
        long past = System.currentTimeMillis() / 1000 - 3600;
        assertThat(collections(idToken("collector").issuedAt(past - 600).expiresAt(past).sign("staffPrivateKey.pem")))
                .isEqualTo(401);
    }

    @Test
    void theBorrowersIssuer_stillVerifiesItsOwnTokens_andNotTheStaffKey() {
        assertThat(collections(Jwt.subject("col-1").groups("collector").sign())).isEqualTo(200);
        assertThat(collections(Jwt.subject("col-1").groups("collector").sign("staffPrivateKey.pem"))).isEqualTo(401);
        assertThat(StaffTokens.issuerOf("not.a.token")).isEmpty();
    }

    @Test
    void aBorrowersTokenOnceVerified_isTakenAgainWithoutASecondCheck_butAnAlteredOrExpiredOneIsStillRefused() {
        String token = Jwt.subject("col-2").groups("collector").sign();
        assertThat(collections(token)).isEqualTo(200);
        int remembered = verified.remembered();
        assertThat(collections(token)).isEqualTo(200);
        assertThat(verified.remembered()).as("the same token is remembered once").isEqualTo(remembered).isPositive();

        String altered = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
        assertThat(collections(altered)).as("a changed signature is checked, and fails").isEqualTo(401);
        long past = System.currentTimeMillis() / 1000 - 3600;
        assertThat(collections(Jwt.subject("col-2").groups("collector").issuedAt(past - 600).expiresAt(past).sign()))
                .isEqualTo(401);
    }
}
