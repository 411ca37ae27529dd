package org.microloan.servicing;

/** How a collection call ended. Every outcome but NO_ANSWER means someone answered. */
public enum CallOutcome {
    NO_ANSWER,
    PROMISE_TO_PAY,
    REFUSED_TO_PAY,
    DISPUTED,
    CALL_BACK_LATER,
    WRONG_NUMBER,
    LEFT_MESSAGE;

    public boolean answered() {
        return this != NO_ANSWER;
    }
}
