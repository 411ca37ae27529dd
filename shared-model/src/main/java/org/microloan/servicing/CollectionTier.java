package org.microloan.servicing;

/**
 * Where an overdue loan sits in collections (PRODUCT.md §6), by its days past due and the plan's
 * configured bounds: reminders by text (1–7 days by default), a person's negotiation (8–30), an agency (beyond).
 */
public enum CollectionTier {
    REMINDERS,
    NEGOTIATION,
    AGENCY
}
