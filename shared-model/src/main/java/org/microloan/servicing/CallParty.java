package org.microloan.servicing;

/** Who a collector spoke to, or tried to: the borrower, or someone else (a relative, an employer, a contact). */
public enum CallParty {
    BORROWER,
    THIRD_PARTY
}
