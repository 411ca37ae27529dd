package org.microloan.schedule;

/** How often installments fall due. */
public enum Frequency {
    MONTHLY(1),
    QUARTERLY(3);

    private final int months;

    Frequency(int months) {
        this.months = months;
    }

    public int months() {
        return months;
    }

    public int periodsPerYear() {
        return 12 / months;
    }
}
