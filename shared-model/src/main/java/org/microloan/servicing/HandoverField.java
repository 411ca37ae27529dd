package org.microloan.servicing;

import java.util.List;

/**
 * What an agency is given of a loan handed to it: enough to reach the borrower and to say what is owed, and
 * nothing more (no ID number, no bank account, no score, no income; PIPL's minimum necessary).
 */
public enum HandoverField {
    LOAN_REFERENCE,
    BORROWER_NAME,
    MOBILE,
    AMOUNT_OWED,
    DAYS_PAST_DUE;

    public static final List<HandoverField> ALL = List.of(values());
}
