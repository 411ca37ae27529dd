package org.microloan.servicing;

/** 五级分类, best to worst (PRODUCT.md §5). */
public enum FiveTierClass {
    NORMAL,
    SPECIAL_MENTION,
    SUBSTANDARD,
    DOUBTFUL,
    LOSS;

    /** The class days past due alone call for: any → SPECIAL_MENTION, > 90 SUBSTANDARD, > 270 DOUBTFUL, > 360 LOSS. */
    public static FiveTierClass byDaysPastDue(long days) {
        if (days > 360) {
            return LOSS;
        }
        if (days > 270) {
            return DOUBTFUL;
        }
        if (days > 90) {
            return SUBSTANDARD;
        }
        return days > 0 ? SPECIAL_MENTION : NORMAL;
    }

    public FiveTierClass worse(FiveTierClass other) {
        return compareTo(other) >= 0 ? this : other;
    }

    /** SUBSTANDARD and worse: what the bad-debt rate counts. */
    public boolean nonPerforming() {
        return compareTo(SUBSTANDARD) >= 0;
    }
}
