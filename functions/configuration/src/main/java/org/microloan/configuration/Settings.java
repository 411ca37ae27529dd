package org.microloan.configuration;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import org.microloan.pricing.CapBasis;

/**
 * The platform's own settings ({@code microloan.*}), typed and read once at start: a missing one stops the
 * function at boot with its name. The business figures (products, rates, bands, limits, rounding) are the
 * product catalogue's, not settings; a partner's secret and URL are looked up by the partner's id
 * ({@code PartnerDirectory}), since partners come and go by configuration alone.
 */
@ConfigMapping(prefix = "microloan")
public interface Settings {

    /** The DynamoDB table of applications, step results, idempotency and notices ({@code TABLE_NAME}). */
    String table();

    Encryption encryption();

    /** The interest cap: four times the one-year LPR, or the 24% comprehensive-cost line. */
    @WithDefault("LPR4X")
    CapBasis capBasis();

    PartnerNotices partnerNotices();

    Servicing servicing();

    Rail rail();

    PersonKeys personKey();

    Origination origination();

    Acceptance acceptance();

    Review review();

    Console console();

    /**
     * The partners, by id ({@code microloan.partners.<id>.secret}, {@code .url}): declared so the keys are
     * known; {@code PartnerDirectory} reads them by name, which also finds a partner set only in the
     * environment ({@code MICROLOAN_PARTNERS_<ID>_SECRET}), as the deployment sets them.
     */
    Map<String, Partner> partners();

    /**
     * The licensed collection agencies a loan beyond negotiation may be handed to, by id
     * ({@code microloan.agencies.<id>.name}): the whitelist; any other agency is refused.
     */
    Map<String, Agency> agencies();

    /**
     * Where the local stack keeps the offset it moved its time by ({@code MICROLOAN_CLOCK_OFFSET_FILE}); never
     * set in AWS, where the functions run on the system clock.
     */
    Optional<String> clockOffsetFile();

    /** The origination state machine the API starts and answers ({@code STATE_MACHINE_ARN}); the API's alone. */
    Optional<String> stateMachineArn();

    /** The daily servicing run's state machine, which ops start for a past date ({@code SERVICING_STATE_MACHINE_ARN}). */
    Optional<String> servicingStateMachineArn();

    interface Partner {
        /** The Standard Webhooks secret, both ways ({@code whsec_} and base64). */
        Optional<String> secret();

        /** Where the partner hears of its applications' status changes. */
        Optional<String> url();
    }

    interface Agency {
        /** As staff see it, and as the contract names it. */
        String name();
    }

    /** Locally a key (32 random bytes, base64); in AWS the KMS key that wraps a data key per value. */
    interface Encryption {
        Optional<String> key();

        Optional<String> kmsKeyId();
    }

    /** How a status change is retried to a partner that did not take it. */
    interface PartnerNotices {
        @WithDefault("PT30S")
        Duration firstRetry();

        @WithDefault("PT2H")
        Duration longestWait();

        @WithDefault("PT24H")
        Duration retryFor();

        @WithDefault("PT2S")
        Duration connectTimeout();

        @WithDefault("PT10S")
        Duration timeout();
    }

    interface Servicing {
        /** How long a loan stays clear of arrears before it is NORMAL again. */
        @WithDefault("0")
        int observationDays();

        /** The days past due on which a failed auto-debit (代扣) is tried again. */
        @WithDefault("1,3,7")
        List<Integer> autoDebitRetryDays();

        /** How far back ops may value money received another way (a bank transfer to the lender). */
        @WithDefault("30")
        int offlineValueDateWindowDays();

        /** The most messages the daily run sends a second: the SMS provider's rate limit on the lender's account. */
        @WithDefault("500")
        int messagesPerSecond();

        /** The most auto-debits (代扣) the daily run asks of the payment rail a second: the rail's rate limit. */
        @WithDefault("200")
        int autoDebitsPerSecond();

        /** How many of the daily run's calls to one provider wait on it at once. */
        @WithDefault("16")
        int callsInFlight();
    }

    /** Who a borrower is, for the limits per person, without keeping the ID number to compare. */
    interface PersonKeys {
        /**
         * The HMAC secret (32 bytes or more, base64) of {@code PersonKey}s ({@code MICROLOAN_PERSON_KEY_SECRET}):
         * where applications are taken in (the API) it must be set; changing it splits every person in two.
         */
        Optional<String> secret();
    }

    /** The payment rail's side of its callbacks. */
    interface Rail {
        /** The Standard Webhooks secret the rail signs its callbacks with ({@code MICROLOAN_RAIL_CALLBACK_SECRET}). */
        Optional<String> callbackSecret();
    }

    /**
     * A partner's offer is accepted by the borrower with a one-time code sent by SMS (PRODUCT.md §8): how long
     * a code holds, how many wrong codes void the offer, how many codes one offer may be sent.
     */
    interface Acceptance {
        @WithDefault("PT10M")
        Duration codeValidity();

        @WithDefault("5")
        int wrongCodesVoid();

        @WithDefault("5")
        int codesPerOffer();
    }

    /**
     * How staff sign in to the back-office console: the OpenID Connect provider's authorization and token
     * endpoints (authorization code flow with PKCE) and the console's client id there. Locally the stack's
     * development issuer; in AWS the deployment's provider (a Cognito user pool by default).
     */
    interface Console {
        Optional<String> authorizeUrl();

        Optional<String> tokenUrl();

        /** The audience of staff tokens from {@link #issuer()}: Cognito's ID tokens carry the client id there. */
        @WithDefault("microloan-console")
        String clientId();

        /**
         * Staff's own token issuer, when it is not the borrowers' ({@code MICROLOAN_CONSOLE_ISSUER}; the deployment's
         * Cognito user pool): a token with this {@code iss} is verified against {@link #publicKeyLocation()} (its
         * JWKS) and {@link #clientId()}, its roles read from {@link #groupsClaim()}. Unset, staff tokens come from
         * the borrowers' issuer (mp.jwt.verify.*), as on the local stack.
         */
        Optional<String> issuer();

        Optional<String> publicKeyLocation();

        @WithDefault("cognito:groups")
        String groupsClaim();
    }

    /** The people's review of referred applications (PRODUCT.md §4: decided within an hour). */
    interface Review {
        /** How long a referred application may wait for its decision: the queue counts down to it. */
        @WithDefault("PT1H")
        Duration target();

        /**
         * Above this amount (yuan) a reviewer's decision waits for a second person to confirm it (maker-checker);
         * the loans over 100,000 that PRODUCT.md sends to manual review.
         */
        @WithDefault("100000.00")
        BigDecimal secondPersonAbove();
    }

    interface Origination {
        /** The days the portfolio's origination figures look back over. */
        @WithDefault("30")
        int reportDays();

        /**
         * How far a client's application date may be from the server's business date (time zones): further
         * is refused; the application is decided on the server's date in any case.
         */
        @WithDefault("1")
        int applicationDateToleranceDays();
    }
}
