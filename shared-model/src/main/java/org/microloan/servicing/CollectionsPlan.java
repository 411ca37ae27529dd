package org.microloan.servicing;

import java.util.Optional;

/**
 * Which contact a loan calls for on a day, by its tier. The thresholds are configuration (PRODUCT.md §6:
 * reminder 3 days before, SMS 1–7 days, negotiation 8–30, agency beyond 30), and how far ahead a borrower may
 * promise to pay on a call.
 */
public record CollectionsPlan(int remindDaysBefore, int smsUpTo, int negotiationUpTo, int promiseWithinDays) {

    /** The tier of a loan this many days past due; none when nothing is overdue. */
    public Optional<CollectionTier> tierOf(long daysPastDue) {
        if (daysPastDue <= 0) {
            return Optional.empty();
        }
        return Optional.of(daysPastDue > negotiationUpTo ? CollectionTier.AGENCY
                : daysPastDue > smsUpTo ? CollectionTier.NEGOTIATION : CollectionTier.REMINDERS);
    }

    /** The days past due a tier spans, both ends included; AGENCY's has no last day. */
    public record Days(long first, Optional<Long> last) {
    }

    public Days daysOf(CollectionTier tier) {
        return switch (tier) {
            case REMINDERS -> new Days(1, Optional.of((long) smsUpTo));
            case NEGOTIATION -> new Days(smsUpTo + 1L, Optional.of((long) negotiationUpTo));
            case AGENCY -> new Days(negotiationUpTo + 1L, Optional.empty());
        };
    }

    /** Loans beyond negotiation go to a licensed agency, once. */
    public boolean forAgency(long daysPastDue) {
        return tierOf(daysPastDue).filter(tier -> tier == CollectionTier.AGENCY).isPresent();
    }

    /**
     * @param daysPastDue    0 when nothing is overdue
     * @param daysToNextDue  days until the next unpaid due date, if there is one
     * @param withAgency     already handed over: the agency has it, nothing more to send
     */
    public Optional<Contact> contactFor(long daysPastDue, Optional<Long> daysToNextDue, boolean withAgency) {
        return tierOf(daysPastDue).map(tier -> switch (tier) {
            case REMINDERS -> Optional.of(Contact.OVERDUE_SMS);
            case NEGOTIATION -> Optional.of(Contact.NEGOTIATION_TASK);
            case AGENCY -> withAgency ? Optional.<Contact>empty() : Optional.of(Contact.AGENCY_HANDOVER);
        }).orElseGet(() -> daysToNextDue.filter(days -> days == remindDaysBefore).map(days -> Contact.DUE_REMINDER));
    }
}
