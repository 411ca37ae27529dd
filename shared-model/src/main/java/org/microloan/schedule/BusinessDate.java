package org.microloan.schedule;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The date every rule turns on (age, product bands, the LPR of the contract date, due dates, penalty
 * interest, days past due): the server's, in China time, whatever zone the machine or the client is in.
 */
public final class BusinessDate {

    /** Borrowers and the lender are in China: the business day runs on its clock. */
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private BusinessDate() {
    }

    public static LocalDate today(Clock clock) {
        return of(clock.instant());
    }

    public static LocalDate of(Instant instant) {
        return LocalDate.ofInstant(instant, CHINA);
    }
}
