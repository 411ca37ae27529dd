package org.microloan.integrations;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.microloan.configuration.Settings;
import org.microloan.integrations.partners.HttpPartnerWebhooks;
import org.microloan.integrations.partners.NoticeDelivery;
import org.microloan.integrations.partners.PartnerDirectory;
import org.microloan.integrations.partners.PartnerNotices;
import org.microloan.integrations.partners.PartnerWebhooks;
import org.microloan.partner.RetrySchedule;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The partners' notices, kept beside their applications in the origination table, and how they are sent. */
@ApplicationScoped
public class Wiring {

    private final Settings settings;

    public Wiring(Settings settings) {
        this.settings = settings;
    }

    @Produces
    @ApplicationScoped
    PartnerNotices partnerNotices(DynamoDbClient dynamo) {
        return new PartnerNotices(dynamo, settings.table());
    }

    @Produces
    @ApplicationScoped
    @DefaultBean
    PartnerWebhooks partnerWebhooks() {
        Settings.PartnerNotices notices = settings.partnerNotices();
        return new HttpPartnerWebhooks(notices.connectTimeout(), notices.timeout());
    }

    @Produces
    @ApplicationScoped
    NoticeDelivery noticeDelivery(PartnerNotices notices, PartnerDirectory partners, PartnerWebhooks webhooks,
                                  ObjectMapper json) {
        Settings.PartnerNotices retry = settings.partnerNotices();
        return new NoticeDelivery(notices, partners, webhooks,
                new RetrySchedule(retry.firstRetry(), retry.longestWait(), retry.retryFor()), json);
    }
}
