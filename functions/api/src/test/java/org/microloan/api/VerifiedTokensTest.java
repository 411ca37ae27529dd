package org.microloan.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.crypto.SecretKey;

import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

class VerifiedTokensTest {

    private static final Instant T0 = Instant.parse("2026-12-03T02:00:00Z");

    /** The borrowers' check as smallrye does it, here by a table: token → its expiry, or refused when absent. */
    private static final class Checks implements JWTParser {
        final Map<String, Instant> valid;
        final List<String> checked = new ArrayList<>();
        Instant now = T0;

        Checks(Map<String, Instant> valid) {
            this.valid = valid;
        }

        @Override
        public JsonWebToken parse(String token) throws ParseException {
            checked.add(token);
            Instant exp = valid.get(token);
            if (exp == null || !now.isBefore(exp)) {
                throw new ParseException("refused: " + token);
            }
            return new JsonWebToken() {
                @Override
                public String getName() {
                    return token;
                }

                @Override
                public Set<String> getClaimNames() {
                    return Set.of("exp");
                }

                @Override
                @SuppressWarnings("unchecked")
                public <T> T getClaim(String name) {
                    return name.equals("exp") ? (T) Long.valueOf(exp.getEpochSecond()) : null;
                }
            };
        }

        @Override
        public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
            return parse(token);
        }

        @Override
        public JsonWebToken verify(String token, PublicKey key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public JsonWebToken verify(String token, SecretKey key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public JsonWebToken verify(String token, String secret) {
            throw new UnsupportedOperationException();
        }

        @Override
        public JsonWebToken decrypt(String token, PrivateKey key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public JsonWebToken decrypt(String token, SecretKey key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public JsonWebToken decrypt(String token, String secret) {
            throw new UnsupportedOperationException();
        }

        @Override
        public JsonWebToken parseOnly(String token) {
            throw new UnsupportedOperationException();
        }
    }

    private static VerifiedTokens over(Checks checks) {
        return new VerifiedTokens(checks, new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return checks.now;
            }
        });
    }

    @Test
    void aBorrowersTokenIsCheckedOnce_forEveryRequestUntilItExpires_andRefusedAfter() throws Exception {
        Checks checks = new Checks(Map.of("app-token", T0.plusSeconds(60)));
        VerifiedTokens tokens = over(checks);

        assertThat(tokens.parse("app-token").getName()).isEqualTo("app-token");
        checks.now = T0.plusSeconds(59);
        assertThat(tokens.parse("app-token").getName()).isEqualTo("app-token");
        assertThat(checks.checked).as("the second request took the token as checked").hasSize(1);

        checks.now = T0.plusSeconds(60);
        assertThatThrownBy(() -> tokens.parse("app-token")).isInstanceOf(ParseException.class);
        assertThat(checks.checked).as("expired: checked again, and refused").hasSize(2);
    }

    @Test
    void aLongLivedToken_isCheckedAgainEveryFiveMinutes() throws Exception {
        Checks checks = new Checks(Map.of("day-token", T0.plus(Duration.ofHours(24))));
        VerifiedTokens tokens = over(checks);

        tokens.parse("day-token");
        checks.now = T0.plus(VerifiedTokens.REMEMBERED_FOR).minusMillis(1);
        tokens.parse("day-token");
        assertThat(checks.checked).hasSize(1);
        checks.now = T0.plus(VerifiedTokens.REMEMBERED_FOR);
        tokens.parse("day-token");
        assertThat(checks.checked).hasSize(2);
    }

    @Test
    void aRefusedToken_isNeverRemembered_andAStaffTokenIsCheckedEveryTime() {
        Checks checks = new Checks(Map.of("staff-token", T0.plusSeconds(600)));
        VerifiedTokens tokens = over(checks);

        assertThatThrownBy(() -> tokens.parse("forged")).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> tokens.parse("forged")).isInstanceOf(ParseException.class);
        assertThat(checks.checked).containsExactly("forged", "forged");

        checks.checked.clear();
        JWTAuthContextInfo staff = new JWTAuthContextInfo("https://cognito.example/jwks.json", "https://cognito.example");
        assertThat(tokens.remembered()).isZero();
        org.assertj.core.api.Assertions.assertThatCode(() -> {
            tokens.parse("staff-token", staff);
            tokens.parse("staff-token", staff);
        }).doesNotThrowAnyException();
        assertThat(checks.checked).as("the staff issuer's keys rotate: no memory").hasSize(2);
        assertThat(tokens.remembered()).isZero();
    }

    @Test
    void theMemoryIsBounded_manyBorrowersAtOnceKeepAtMostItsSize() throws Exception {
        Map<String, Instant> many = new java.util.HashMap<>();
        for (int i = 0; i < VerifiedTokens.AT_MOST + 500; i++) {
            many.put("t" + i, T0.plusSeconds(600));
        }
        Checks checks = new Checks(many);
        VerifiedTokens tokens = over(checks);

        for (int i = 0; i < VerifiedTokens.AT_MOST + 500; i++) {
            tokens.parse("t" + i);
            assertThat(tokens.remembered()).isLessThanOrEqualTo(VerifiedTokens.AT_MOST);
        }
        tokens.parse("t" + (VerifiedTokens.AT_MOST + 499));
        assertThat(checks.checked).as("the latest is still remembered").hasSize(VerifiedTokens.AT_MOST + 500);
    }
}
