package org.microloan.integrations.partners;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * {@link PartnerWebhooks} over the JDK's HTTP client: a partner's URL is only known per partner, so
 * there is no fixed REST client to declare. No retry here: a failed attempt is scheduled again by the
 * notice's {@link org.microloan.partner.RetrySchedule}.
 */
public final class HttpPartnerWebhooks implements PartnerWebhooks {

    private final HttpClient http;
    private final Duration timeout;

    public HttpPartnerWebhooks(Duration connectTimeout, Duration timeout) {
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER).build();
        this.timeout = timeout;
    }

    @Override
    public int post(URI url, Map<String, String> headers, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UnreachableException(e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnreachableException("interrupted", e);
        }
    }
}
