package org.microloan.api;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.microloan.configuration.Settings;

/**
 * What the back-office console (served at {@code /console/}) needs before anyone has signed in: where to sign
 * in. Everything else it shows comes from the API under the person's token, so the server decides by role.
 */
@Path("/v1/console")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class ConsoleResource {

    private final Settings.Console console;

    public ConsoleResource(Settings settings) {
        this.console = settings.console();
    }

    /** The OpenID Connect endpoints the console signs staff in with (authorization code flow with PKCE). */
    @RegisterForReflection
    public record SignIn(String authorizeUrl, String tokenUrl, String clientId) {
    }

    @Operation(summary = "Where the console signs staff in",
            description = "The OpenID Connect provider's authorization and token endpoints and the console's client id. "
                    + "503 not-configured when the deployment names no provider (microloan.console.authorize-url, "
                    + "token-url).")
    @GET
    @Path("/sign-in")
    public SignIn signIn() {
        if (console.authorizeUrl().isEmpty() || console.tokenUrl().isEmpty()) {
            throw new Problems.NotConfiguredException("the console's sign-in is not configured: set "
                    + "microloan.console.authorize-url and microloan.console.token-url (MICROLOAN_CONSOLE_AUTHORIZE_URL, "
                    + "MICROLOAN_CONSOLE_TOKEN_URL)");
        }
        return new SignIn(console.authorizeUrl().get(), console.tokenUrl().get(), console.clientId());
    }
}
