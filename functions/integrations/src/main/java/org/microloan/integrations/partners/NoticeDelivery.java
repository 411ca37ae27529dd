package org.microloan.integrations.partners;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jboss.logging.Logger;
import org.microloan.partner.PartnerMerchant;
import org.microloan.partner.RetrySchedule;
import org.microloan.partner.WebhookSignature;

/**
 * Tells partners when their applications move: every status change becomes one notice, signed as
 * Standard Webhooks with the partner's secret and POSTed at once; a 2xx answer delivers it, anything
 * else is tried again on the {@link RetrySchedule} until it is delivered or given up. Each attempt is
 * recorded on the notice (attempts, the last answer), and ops can resend any notice.
 */
public class NoticeDelivery {

    private static final Logger LOG = Logger.getLogger(NoticeDelivery.class);

    private final PartnerNotices notices;
    private final PartnerDirectory partners;
    private final PartnerWebhooks webhooks;
    private final RetrySchedule retries;
    private final ObjectMapper json;

    public NoticeDelivery(PartnerNotices notices, PartnerDirectory partners, PartnerWebhooks webhooks,
                          RetrySchedule retries, ObjectMapper json) {
        this.notices = notices;
        this.partners = partners;
        this.webhooks = webhooks;
        this.retries = retries;
        this.json = json;
    }

    /**
     * An application's status changed: when a partner brought it, the partner is told (once per status,
     * however often the change is reported). {@code at} is when it changed, {@code now} when the partner is
     * first tried. Empty when there is nobody to tell or it was told already.
     */
    public Optional<PartnerNotice> statusChanged(String applicationId, String borrowerId, String status, Instant at,
                                                 Instant now) {
        Optional<PartnerMerchant> merchant = PartnerMerchant.of(borrowerId);
        if (merchant.isEmpty()) {
            return Optional.empty();
        }
        String partnerId = merchant.get().partnerId();
        PartnerNotice notice = new PartnerNotice(applicationId, status, partnerId, "msg_" + applicationId + "_" + status,
                payload(merchant.get(), applicationId, status, at), at, 0, null, null, now, now, PartnerNotice.State.PENDING);
        return notices.record(notice) ? Optional.of(attempt(notice, now)) : Optional.empty();
    }

    /** One attempt on each notice that is due, up to {@code limit}; what they came to. */
    public List<PartnerNotice> deliverDue(Instant now, int limit) {
        // the index may lag a write: each notice is read again, and left alone unless it is still due
        return notices.due(now, limit).stream()
                .flatMap(n -> notices.find(n.applicationId(), n.status()).stream())
                .filter(n -> n.state() == PartnerNotice.State.PENDING && !n.nextAttemptAt().isAfter(now))
                .map(n -> attempt(n, now)).toList();
    }

    /** Ops send a notice again now, whatever became of it; a failure gets a fresh day of retries. */
    public Optional<PartnerNotice> resend(String applicationId, String status, Instant now) {
        return notices.find(applicationId, status).map(n -> {
            PartnerNotice again = new PartnerNotice(n.applicationId(), n.status(), n.partnerId(), n.messageId(),
                    n.payload(), n.createdAt(), n.attempts(), n.lastResult(), n.lastAttemptAt(), now, now,
                    PartnerNotice.State.PENDING);
            return notices.update(n, again) ? attempt(again, now) : notices.find(applicationId, status).orElseThrow();
        });
    }

    private PartnerNotice attempt(PartnerNotice notice, Instant now) {
        String result = send(notice, now);
        boolean delivered = result.length() == 3 && result.charAt(0) == '2';
        int attempts = notice.attempts() + 1;
        Instant next = delivered ? null : retries.next(notice.windowStart(), now, attempts).orElse(null);
        PartnerNotice.State state = delivered ? PartnerNotice.State.DELIVERED
                : next == null ? PartnerNotice.State.GAVE_UP : PartnerNotice.State.PENDING;
        PartnerNotice after = new PartnerNotice(notice.applicationId(), notice.status(), notice.partnerId(),
                notice.messageId(), notice.payload(), notice.createdAt(), attempts, result, now, notice.windowStart(),
                next, state);
        if (!notices.update(notice, after)) {
            // another sweep attempted it at the same time; the partner drops the repeat by its webhook-id
            return notices.find(notice.applicationId(), notice.status()).orElse(after);
        }
        if (state != PartnerNotice.State.DELIVERED) {
            LOG.warnf("notice %s to partner %s: attempt %d answered %s, %s", notice.messageId(), notice.partnerId(),
                    attempts, result, next == null ? "given up" : "next at " + next);
        }
        return after;
    }

    /** The partner's HTTP status, or why there was none. */
    private String send(PartnerNotice notice, Instant now) {
        Optional<String> secret = partners.secret(notice.partnerId());
        Optional<URI> url = partners.url(notice.partnerId());
        if (secret.isEmpty() || url.isEmpty()) {
            return "no-url";
        }
        byte[] body = notice.payload().getBytes(StandardCharsets.UTF_8);
        String timestamp = Long.toString(now.getEpochSecond());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("webhook-id", notice.messageId());
        headers.put("webhook-timestamp", timestamp);
        headers.put("webhook-signature", WebhookSignature.sign(secret.get(), notice.messageId(), timestamp, body));
        try {
            return Integer.toString(webhooks.post(url.get(), headers, body));
        } catch (PartnerWebhooks.UnreachableException e) {
            return "unreachable: " + e.getMessage();
        }
    }

    /** Standard Webhooks' payload: the type, when, and ids and the status only. */
    private String payload(PartnerMerchant merchant, String applicationId, String status, Instant at) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("applicationId", applicationId);
        data.put("merchantReference", merchant.merchantReference());
        data.put("status", status);
        data.put("statusLink", "/v1/partners/" + merchant.partnerId() + "/applications/" + applicationId);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", "application.status_changed");
        payload.put("timestamp", at.toString());
        payload.put("data", data);
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
