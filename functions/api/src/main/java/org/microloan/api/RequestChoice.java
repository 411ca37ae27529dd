package org.microloan.api;

import java.util.Arrays;

/** One of a fixed set a request names (an enum's constant, exactly); anything else is a 400 naming the field and the set. */
final class RequestChoice {

    private RequestChoice() {
    }

    static <E extends Enum<E>> E oneOf(String field, E[] values, String given) {
        return Arrays.stream(values).filter(v -> v.name().equals(given)).findFirst()
                .orElseThrow(() -> new Problems.BadFieldException(field, "send one of " + Arrays.toString(values)
                        + (given == null ? "" : ", not '" + given + "'")));
    }
}
