package org.microloan.ledger;

/** What the database said when a write lost: read from the causes, since the reactive client wraps them. */
final class Failures {

    private Failures() {
    }

    /** Whether any cause's message names one of {@code marks} (a constraint's name, a SQLSTATE). */
    static boolean causedBy(Throwable e, String... marks) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            for (String mark : marks) {
                if (message.contains(mark)) {
                    return true;
                }
            }
        }
        return false;
    }
}
