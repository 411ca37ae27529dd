package org.microloan.origination;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.microloan.configuration.Settings;
import org.microloan.origination.crypto.AesGcmCipher;
import org.microloan.origination.crypto.KmsEnvelopeCipher;
import org.microloan.origination.crypto.PersonalDataCipher;
import org.microloan.origination.idempotency.DynamoIdempotencyStore;
import org.microloan.origination.idempotency.Idempotency;
import org.microloan.origination.store.AcceptanceCodes;
import org.microloan.origination.store.ApplicationStore;
import org.microloan.origination.store.AuditLog;
import org.microloan.origination.store.DynamoAcceptanceCodes;
import org.microloan.origination.store.DynamoApplicationStore;
import org.microloan.origination.store.DynamoAuditLog;
import org.microloan.origination.store.DynamoExposureReservations;
import org.microloan.origination.store.ExposureReservations;
import org.microloan.origination.store.PersonalExposure;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * The origination table and what lives in it, and the sealing of personal data. The DynamoDB client finds its
 * endpoint, region and credentials through the SDK's standard settings (AWS_ENDPOINT_URL_DYNAMODB and the
 * rest), so no function has a local mode.
 */
@ApplicationScoped
public class Wiring {

    private final Settings settings;

    public Wiring(Settings settings) {
        this.settings = settings;
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

    @Produces
    @ApplicationScoped
    AuditLog auditLog(DynamoDbClient dynamo) {
        return new DynamoAuditLog(dynamo, settings.table());
    }

    @Produces
    @ApplicationScoped
    AcceptanceCodes acceptanceCodes(DynamoDbClient dynamo) {
        return new DynamoAcceptanceCodes(dynamo, settings.table());
    }

    @Produces
    @Singleton
    PersonalExposure personalExposure(ExposureReservations reservations, ApplicationStore applications) {
        return new PersonalExposure(reservations, applications);
    }

    /** An API request's answer is kept a week (the steps keep theirs on the application). */
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
}
