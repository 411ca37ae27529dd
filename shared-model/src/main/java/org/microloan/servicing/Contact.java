package org.microloan.servicing;

/** The kinds of contact the servicing run makes (PRODUCT.md §6). */
public enum Contact {
    /** Three days before a due date. */
    DUE_REMINDER,
    /** 1–7 days overdue: a text message (or a push, by the borrower's choice). */
    OVERDUE_SMS,
    /** 8–30 days overdue: a task in the human negotiation queue. */
    NEGOTIATION_TASK,
    /** More than 30 days overdue: handed to a licensed collection agency, once. */
    AGENCY_HANDOVER
}
