package org.microloan.servicing;

import java.util.Optional;

/**
 * Which contact a loan calls for on a day, by its tier. The thresholds are configuration (PRODUCT.md §6:
 * reminder 3 days before, SMS 1–7 days, negotiation 8–30, agency beyond 30).
 */
public record CollectionsPlan(int remindDaysBefore, int smsUpTo, int negotiationUpTo) {


    /**
     * @param daysPastDue    0 when nothing is overdue
     * @param daysToNextDue  days until the next unpaid due date, if there is one
     * @param withAgency     already handed over: the agency has it, nothing more to send
     */
    public Optional<Contact> contactFor(long daysPastDue, Optional<Long> daysToNextDue, boolean withAgency) {
        if (daysPastDue > negotiationUpTo) {
            return withAgency ? Optional.empty() : Optional.of(Contact.AGENCY_HANDOVER);
        }
        if (daysPastDue > smsUpTo) {
            return Optional.of(Contact.NEGOTIATION_TASK);
        }
        if (daysPastDue > 0) {
            return Optional.of(Contact.OVERDUE_SMS);
        }
        return daysToNextDue.filter(days -> days == remindDaysBefore).map(days -> Contact.DUE_REMINDER);
    }
}
