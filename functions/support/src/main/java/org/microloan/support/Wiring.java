package org.microloan.support;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.microloan.pricing.LprTable;
import org.microloan.pricing.RateCap;
import org.microloan.product.ProductCatalogue;
import org.microloan.partner.RetrySchedule;
import org.microloan.scoring.Scorecard;
import org.microloan.support.crypto.AesGcmCipher;
import org.microloan.support.crypto.KmsEnvelopeCipher;
import org.microloan.support.crypto.PersonalDataCipher;
import org.microloan.support.idempotency.DynamoIdempotencyStore;
import org.microloan.support.idempotency.Idempotency;
import org.microloan.support.partners.HttpPartnerWebhooks;
import org.microloan.support.partners.NoticeDelivery;
import org.microloan.support.partners.PartnerDirectory;
import org.microloan.support.partners.PartnerNotices;
import org.microloan.support.partners.PartnerWebhooks;
import org.microloan.support.store.ApplicationStore;
import org.microloan.support.store.DynamoApplicationStore;
import org.microloan.support.store.DynamoExposureReservations;
import org.microloan.support.store.ExposureReservations;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * What the functions are given (configuration records as singletons: a record cannot be proxied). The DynamoDB client finds its endpoint, region and credentials through
 * the SDK's standard settings (AWS_ENDPOINT_URL_DYNAMODB and the rest), so no function has a local mode.
 */
@ApplicationScoped
public class Wiring {

    private final Settings settings;

    public Wiring(Settings settings) {
        this.settings = settings;
    }

    @Produces
    @ApplicationScoped
    @DefaultBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @ApplicationScoped
    DynamoDbClient dynamo() {
        return DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
    }

    @Produces
    @ApplicationScoped
    ApplicationStore applications(DynamoDbClient dynamo) {
        return new DynamoApplicationStore(dynamo, settings.table());
    }

    @Produces
    @ApplicationScoped
    ExposureReservations exposure(DynamoDbClient dynamo) {
        return new DynamoExposureReservations(dynamo, settings.table());
    }

    /** A step's result is kept a week. */
    @Produces
    @ApplicationScoped
    Idempotency idempotency(DynamoDbClient dynamo, ObjectMapper json, Clock clock) {
        return new Idempotency(new DynamoIdempotencyStore(dynamo, settings.table()), json, clock, Duration.ofDays(7));
    }

    @Produces
    @ApplicationScoped
    PersonalDataCipher cipher() {
        Optional<String> kmsKeyId = settings.encryption().kmsKeyId();
        if (kmsKeyId.isPresent()) {
            return new KmsEnvelopeCipher(KmsClient.builder().httpClient(UrlConnectionHttpClient.create()).build(),
                    kmsKeyId.get());
        }
        return new AesGcmCipher(settings.encryption().key().filter(k -> !k.isBlank()).orElseThrow(() -> new IllegalStateException(
                "no encryption key: set MICROLOAN_ENCRYPTION_KEY (32 random bytes, base64) or microloan.encryption.kms-key-id")));
    }

    @Produces
    @Singleton
    ProductCatalogue products() {
        return ProductCatalogue.bundled();
    }

    @Produces
    @Singleton
    Scorecard scorecard() {
        return Scorecard.bundled();
    }

    @Produces
    @Singleton
    RateCap rateCap() {
        return RateCap.of(settings.capBasis(), LprTable.published());
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
        return new HttpPartnerWebhooks(settings.partnerNotices().connectTimeout(), settings.partnerNotices().timeout());
    }

    @Produces
    @ApplicationScoped
    NoticeDelivery noticeDelivery(PartnerNotices notices, PartnerDirectory partners, PartnerWebhooks webhooks,
                                  ObjectMapper json) {
        return new NoticeDelivery(notices, partners, webhooks,
                new RetrySchedule(settings.partnerNotices().firstRetry(),
                settings.partnerNotices().longestWait(), settings.partnerNotices().retryFor()), json);
    }
}
