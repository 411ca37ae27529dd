package org.microloan.api;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** A date a request names, as YYYY-MM-DD; anything else is a 400 naming the field. */
final class RequestDate {

    private RequestDate() {
    }

    static LocalDate parse(String field, String value) {
        try {
            return LocalDate.parse(value == null ? "" : value);
        } catch (DateTimeParseException e) {
            throw new Problems.BadFieldException(field, "send the date as YYYY-MM-DD");
        }
    }
}
