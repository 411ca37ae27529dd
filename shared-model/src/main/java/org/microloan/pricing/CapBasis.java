package org.microloan.pricing;

/** Which legal line bounds the annualised cost of credit (PRODUCT.md §5). */
public enum CapBasis {
    /** A multiple (4 by default) of the one-year LPR on the contract date. */
    LPR4X,
    /** A fixed comprehensive-cost line (24% by default), for lenders licensed as small-loan companies. */
    FIXED24
}
