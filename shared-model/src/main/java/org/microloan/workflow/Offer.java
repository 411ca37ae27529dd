package org.microloan.workflow;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The offer as the borrower is shown it: the APR first, then the rate (and the daily rate for a product
 * quoted daily), the rule that capped it if one did, the amount and line, the schedule, and the expiry.
 * Percentages are strings with two (or four, daily) decimals; amounts strings of yuan.
 */
public record Offer(String offerId, String apr, String effectiveAnnualRate, String annualRate, String dailyRate,
                    String cappedBy, String grade, String amount, String creditLine, int termMonths, String method,
                    String frequency, String dayCount, LocalDate startDate, Instant expiresAt, String modelVersion,
                    List<Line> schedule) {

    /** One installment of the offered schedule. */
    public record Line(int number, LocalDate dueDate, String principal, String interest, String total, String balance) {
    }
}
