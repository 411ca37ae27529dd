package org.microloan.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import org.microloan.access.Role;

/**
 * The development issuer's sign-in, as an OpenID Connect provider's authorization code flow with PKCE (what
 * Cognito's hosted UI does in AWS): {@code GET /_local/authorize} shows a form asking who you are and in which
 * role, its {@code POST} sends the browser back to the console with a one-time code, and {@code POST
 * /_local/oauth2/token} exchanges the code and its verifier for a token. No password: this is the local stack.
 */
final class DevelopmentSignIn {

    static final String AUTHORIZE = "/_local/authorize";
    static final String TOKEN = "/_local/oauth2/token";
    private static final Duration CODE_LIFETIME = Duration.ofMinutes(1);
    private static final Duration TOKEN_LIFETIME = Duration.ofHours(8);
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Grant(String subject, String role, String redirectUri, String challenge, Instant until) {
    }

    private final TokenIssuer tokens;
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    DevelopmentSignIn(TokenIssuer tokens) {
        this.tokens = tokens;
    }

    boolean handles(String path) {
        return path.equals(AUTHORIZE) || path.equals(TOKEN);
    }

    void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (path.equals(AUTHORIZE) && method.equals("GET")) {
                form(exchange, query(exchange.getRequestURI().getRawQuery()), null);
            } else if (path.equals(AUTHORIZE) && method.equals("POST")) {
                signIn(exchange, query(body(exchange)));
            } else if (path.equals(TOKEN) && method.equals("POST")) {
                token(exchange, query(body(exchange)));
            } else if (path.equals(TOKEN) && method.equals("OPTIONS")) {
                cors(exchange);
                exchange.sendResponseHeaders(204, -1);
            } else {
                send(exchange, 405, "text/plain", "use GET or POST " + AUTHORIZE + ", POST " + TOKEN);
            }
        }
    }

    private void form(HttpExchange exchange, Map<String, String> p, String problem) throws IOException {
        if (!local(p.get("redirect_uri")) || !"S256".equals(p.get("code_challenge_method")) || !p.containsKey("code_challenge")) {
            send(exchange, 400, "text/plain", "send response_type=code, redirect_uri (on this machine), state, "
                    + "code_challenge and code_challenge_method=S256 (the authorization code flow with PKCE)");
            return;
        }
        StringBuilder options = new StringBuilder();
        for (Role role : Role.values()) {
            if (role != Role.borrower) {
                options.append("<option value=\"").append(role.name()).append("\">").append(role.name()).append("</option>");
            }
        }
        StringBuilder hidden = new StringBuilder();
        for (String name : new String[] {"redirect_uri", "state", "code_challenge", "code_challenge_method"}) {
            hidden.append("<input type=\"hidden\" name=\"").append(name).append("\" value=\"")
                    .append(escape(p.getOrDefault(name, ""))).append("\">");
        }
        send(exchange, problem == null ? 200 : 400, "text/html; charset=utf-8", """
                <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign in · 登录</title>
                <style>body{font:16px system-ui,sans-serif;max-width:26rem;margin:4rem auto;padding:0 1rem}
                label{display:block;margin:.8rem 0 .2rem}input,select,button{font:inherit;padding:.4rem;width:100%%}
                button{margin-top:1.2rem}.problem{color:#b00020}</style></head><body>
                <h1>Sign in · 登录</h1><p>The local stack's development issuer: no password.</p>%s
                <form method="post" action="%s">%s
                <label for="subject">Staff id · 工号</label><input id="subject" name="subject" required autofocus>
                <label for="role">Role · 角色</label><select id="role" name="role">%s</select>
                <button id="sign-in" type="submit">Sign in · 登录</button></form></body></html>
                """.formatted(problem == null ? "" : "<p class=\"problem\">" + escape(problem) + "</p>", AUTHORIZE,
                hidden, options));
    }

    private void signIn(HttpExchange exchange, Map<String, String> p) throws IOException {
        String subject = p.getOrDefault("subject", "").strip();
        if (subject.isEmpty() || !subject.matches("[A-Za-z0-9._@-]{1,64}")) {
            form(exchange, p, "A staff id is letters, digits, '.', '_', '@' or '-' (up to 64).");
            return;
        }
        String role = p.getOrDefault("role", "");
        try {
            if (Role.named(role) == Role.borrower) {
                throw new IllegalArgumentException("the console is for staff");
            }
        } catch (IllegalArgumentException e) {
            form(exchange, p, e.getMessage());
            return;
        }
        if (!local(p.get("redirect_uri")) || p.get("code_challenge") == null) {
            form(exchange, p, null);
            return;
        }
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String code = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        codes.values().removeIf(g -> g.until().isBefore(Instant.now()));
        codes.put(code, new Grant(subject, role, p.get("redirect_uri"), p.get("code_challenge"),
                Instant.now().plus(CODE_LIFETIME)));
        String back = p.get("redirect_uri") + (p.get("redirect_uri").contains("?") ? "&" : "?") + "code=" + code
                + "&state=" + URLEncoder.encode(p.getOrDefault("state", ""), StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Location", URI.create(back).toString());
        exchange.sendResponseHeaders(302, -1);
    }

    private void token(HttpExchange exchange, Map<String, String> p) throws IOException {
        cors(exchange);
        Grant grant = codes.remove(p.getOrDefault("code", ""));
        if (!"authorization_code".equals(p.get("grant_type")) || grant == null || grant.until().isBefore(Instant.now())
                || !grant.redirectUri().equals(p.get("redirect_uri")) || p.get("code_verifier") == null
                || !grant.challenge().equals(s256(p.get("code_verifier")))) {
            send(exchange, 400, "application/json", JSON.writeValueAsString(Map.of("error", "invalid_grant",
                    "error_description", "the code is unknown, used, expired, or not for this redirect_uri and verifier")));
            return;
        }
        String token = tokens.token(grant.subject(), grant.role(), TOKEN_LIFETIME);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("access_token", token);
        answer.put("id_token", token);
        answer.put("token_type", "Bearer");
        answer.put("expires_in", TOKEN_LIFETIME.toSeconds());
        send(exchange, 200, "application/json", JSON.writeValueAsString(answer));
    }

    /** The console is served from the API's origin and asks the issuer's: as Cognito's token endpoint allows. */
    private static void cors(HttpExchange exchange) {
        exchange.getResponseHeaders().set("Access-Control-Allow-Origin", "*");
        exchange.getResponseHeaders().set("Access-Control-Allow-Methods", "POST, OPTIONS");
        exchange.getResponseHeaders().set("Access-Control-Allow-Headers", "Content-Type");
    }

    /** Codes go back only to a page on this machine: the development issuer is no open redirect. */
    private static boolean local(String redirectUri) {
        try {
            URI uri = redirectUri == null ? null : URI.create(redirectUri);
            return uri != null && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    && ("127.0.0.1".equals(uri.getHost()) || "localhost".equals(uri.getHost()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static String s256(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String body(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        if (raw != null && !raw.isEmpty()) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                values.put(name, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
