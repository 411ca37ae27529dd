package org.microloan.partner;

import java.util.Optional;

/**
 * A partner's merchant, as a borrower of ours: the partner's id and the partner's own reference for
 * the merchant. Its borrower id is {@code partner:{partnerId}:{merchantReference}}, so any application
 * tells whether a partner brought it and whom to tell when it moves.
 */
public record PartnerMerchant(String partnerId, String merchantReference) {

    /** How every partner merchant's borrower id begins: the stream's filter passes on only these applications. */
    public static final String PREFIX = "partner:";

    public PartnerMerchant {
        if (partnerId == null || partnerId.isBlank() || partnerId.contains(":")) {
            throw new IllegalArgumentException("a partner id is a plain token without ':'");
        }
        if (merchantReference == null || merchantReference.isBlank()) {
            throw new IllegalArgumentException("the partner's merchant reference is required");
        }
    }

    public String borrowerId() {
        return PREFIX + partnerId + ":" + merchantReference;
    }

    /** The merchant behind a borrower id, or empty for a borrower who came through the app. */
    public static Optional<PartnerMerchant> of(String borrowerId) {
        if (borrowerId == null || !borrowerId.startsWith(PREFIX)) {
            return Optional.empty();
        }
        int colon = borrowerId.indexOf(':', PREFIX.length());
        return colon < 0 ? Optional.empty() : Optional.of(new PartnerMerchant(borrowerId.substring(PREFIX.length(), colon),
                borrowerId.substring(colon + 1)));
    }
}
