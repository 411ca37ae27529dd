package org.microloan.partner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    /** The example in the Standard Webhooks specification. */
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final String TIMESTAMP = "1614265330";
    private static final byte[] BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);

    @Test
    void signsAsTheSpecificationsExample() {
        assertThat(WebhookSignature.sign(SECRET, ID, TIMESTAMP, BODY)).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void acceptsItWithinFiveMinutes_andNotLater() {
        String signature = WebhookSignature.sign(SECRET, ID, TIMESTAMP, BODY);
        Instant sent = Instant.ofEpochSecond(1614265330);

        assertThat(WebhookSignature.refusal(SECRET, ID, TIMESTAMP, signature, BODY, sent.plusSeconds(299))).isNull();
        assertThat(WebhookSignature.refusal(SECRET, ID, TIMESTAMP, signature, BODY, sent.plusSeconds(301)))
                .isEqualTo("webhook-timestamp is more than 5 minutes from now");
    }
}
