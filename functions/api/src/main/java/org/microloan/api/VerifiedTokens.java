package org.microloan.api;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.SecretKey;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The borrowers' token check (mp.jwt.verify.*) with a memory: the app sends the same token with every request,
 * a status poll every few seconds, and checking its RS256 signature each time was a fifth of the API's
 * processor time. A token that passed is taken again without a second check until it expires, and for
 * {@link #REMEMBERED_FOR} at most; {@link #AT_MOST} tokens are remembered, the expired ones dropped first. The key
 * it was checked with is the deployment's own file, which only a new deployment (new sandboxes, nothing
 * remembered) changes. A token that fails is never remembered, and a token checked against any other context
 * (staff tokens, whose provider's keys rotate) is checked every time.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokens implements JWTParser {

    static final Duration REMEMBERED_FOR = Duration.ofMinutes(5);
    static final int AT_MOST = 2_000;

    private record Verified(JsonWebToken jwt, long untilMillis) {
    }

    private final JWTParser parser;
    private final Clock clock;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    @Inject
    public VerifiedTokens(DefaultJWTParser parser) {
        this(parser, Clock.systemUTC());
    }

    /** @param clock the clock the parser checks expiry by (the machine's, not the platform's business clock) */
    VerifiedTokens(JWTParser parser, Clock clock) {
        this.parser = parser;
        this.clock = clock;
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        long now = clock.millis();
        Verified known = verified.get(token);
        if (known != null && now < known.untilMillis()) {
            return known.jwt();
        }
        JsonWebToken jwt = parser.parse(token);
        long until = Math.min(now + REMEMBERED_FOR.toMillis(), Math.multiplyExact(jwt.getExpirationTime(), 1000L));
        if (verified.size() >= AT_MOST) {
            verified.values().removeIf(v -> v.untilMillis() <= now);
            if (verified.size() >= AT_MOST) {
                verified.clear();
            }
        }
        verified.put(token, new Verified(jwt, until));
        return jwt;
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return parser.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return parser.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return parser.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return parser.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return parser.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return parser.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return parser.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return parser.parseOnly(token);
    }

    /** How many tokens are remembered now. */
    int remembered() {
        return verified.size();
    }
}
