package org.microloan.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.microloan.configuration.Settings;

/**
 * Staff who sign in with their own identity provider (in AWS the deployment's Cognito user pool, whose ID tokens
 * carry the console's client id as audience and the roles in {@code cognito:groups}): a bearer token whose issuer
 * is {@code microloan.console.issuer} is verified here against that provider's keys; any other token goes on to
 * the borrowers' verification (mp.jwt.verify.*). Both are RS256 and checked for signature, issuer, audience and
 * expiry.
 */
@ApplicationScoped
public class StaffTokens implements IdentityProvider<TokenAuthenticationRequest> {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JWTParser parser;
    private final Optional<JWTAuthContextInfo> staff;

    public StaffTokens(JWTParser parser, Settings settings) {
        this.parser = parser;
        Settings.Console console = settings.console();
        this.staff = console.issuer().map(issuer -> {
            JWTAuthContextInfo info = new JWTAuthContextInfo(console.publicKeyLocation().orElseThrow(() ->
                    new IllegalStateException("set microloan.console.public-key-location (the staff issuer's JWKS) with "
                            + "microloan.console.issuer")), issuer);
            info.setExpectedAudience(Set.of(console.clientId()));
            info.setGroupsPath(console.groupsClaim());
            return info;
        });
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    /** Before the borrowers' verification (1001, the default), which would refuse a token of another issuer. */
    @Override
    public int priority() {
        return 2000;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        String token = request.getToken().getToken();
        if (staff.isEmpty() || !staff.get().getIssuedBy().equals(issuerOf(token))) {
            return Uni.createFrom().nullItem();
        }
        return context.runBlocking(() -> {
            try {
                JsonWebToken jwt = parser.parse(token, staff.get());
                return QuarkusSecurityIdentity.builder().setPrincipal(jwt).addRoles(jwt.getGroups()).build();
            } catch (ParseException e) {
                throw new AuthenticationFailedException(e);
            }
        });
    }

    /** The unverified {@code iss}, only to choose who verifies the token; empty when there is none to read. */
    static String issuerOf(String token) {
        String[] parts = token.split("\\.");
        if (parts.length != 3) {
            return "";
        }
        try {
            JsonNode claims = JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            return claims.path("iss").asText("");
        } catch (Exception unreadable) {
            return "";
        }
    }
}
