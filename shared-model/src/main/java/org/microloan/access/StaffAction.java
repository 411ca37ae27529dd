package org.microloan.access;

import java.time.Instant;
import java.util.List;

/**
 * One thing a member of staff did through the API, for the audit: who (and in which roles), what (the call and
 * what it was on), why (the reason they gave, if the call takes one), how it ended (the HTTP status: a refusal
 * is recorded too), when, and from which request (its id is in every log line of it).
 */
public record StaffAction(Instant at, String who, List<String> roles, String action, String reason, int status,
                          String requestId) {
}
