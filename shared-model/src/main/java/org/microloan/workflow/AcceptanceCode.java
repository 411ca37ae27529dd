package org.microloan.workflow;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.random.RandomGenerator;

/**
 * The one-time code a borrower accepts a partner's offer with (the partner never sees it): six digits sent
 * by SMS to the mobile on the application. Only a salted digest is kept. Each new code replaces the one
 * before; wrong codes count across all of them, and enough of them void the offer.
 *
 * @param issued   how many codes were sent for this offer (this one is the last)
 * @param issuedAt when this one was sent
 * @param wrong    wrong codes entered for this offer, whichever code they were meant for
 */
public record AcceptanceCode(int issued, Instant issuedAt, String salt, String digest, int wrong) {

    /** How long a code holds, how many wrong codes void the offer, how many codes one offer may be sent. */
    public record Rules(Duration validity, int wrongCodesVoid, int codesPerOffer) {
    }

    /** A code just drawn: the digits to send, and what is kept of it. */
    public record Drawn(String code, String salt, String digest) {
        @Override
        public String toString() {
            return "AcceptanceCode.Drawn[sealed]";
        }
    }

    public enum Check {
        /** The code is the last one sent and still holds. */
        MATCHES,
        /** Not the code sent; the offer still stands. */
        WRONG,
        /** The right code, but too late: ask for a new one. */
        EXPIRED,
        /** Too many wrong codes: the offer is void. */
        VOID
    }

    /** Draws six digits from {@code random} (a {@code SecureRandom} in production). */
    public static Drawn draw(RandomGenerator random) {
        String code = String.format("%06d", random.nextInt(1_000_000));
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        String saltText = Base64.getEncoder().encodeToString(salt);
        return new Drawn(code, saltText, digest(saltText, code));
    }

    /**
     * What {@code entered} is worth at {@code now}: a wrong one counts (the caller records it) and voids the
     * offer when it is the last allowed; the right one after its validity is expired.
     */
    public Check check(String entered, Instant now, Rules rules) {
        if (wrong >= rules.wrongCodesVoid()) {
            return Check.VOID;
        }
        boolean right = entered != null && MessageDigest.isEqual(digest.getBytes(StandardCharsets.US_ASCII),
                digest(salt, entered.strip()).getBytes(StandardCharsets.US_ASCII));
        if (!right) {
            return wrong + 1 >= rules.wrongCodesVoid() ? Check.VOID : Check.WRONG;
        }
        return now.isAfter(issuedAt.plus(rules.validity())) ? Check.EXPIRED : Check.MATCHES;
    }

    /** Wrong codes the offer can still take before it is void. */
    public int attemptsLeft(Rules rules) {
        return Math.max(0, rules.wrongCodesVoid() - wrong);
    }

    public Instant expiresAt(Rules rules) {
        return issuedAt.plus(rules.validity());
    }

    private static String digest(String salt, String code) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(sha.digest(code.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
