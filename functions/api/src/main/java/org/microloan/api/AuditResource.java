package org.microloan.api;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.microloan.access.StaffAction;
import org.microloan.origination.store.AuditLog;
import org.microloan.schedule.BusinessDate;

/** Supervisors read what staff did. */
@Path("/v1/ops/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.SUPERVISOR)
public class AuditResource {

    private final AuditLog audit;
    private final Clock clock;

    public AuditResource(AuditLog audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    @Operation(summary = "What staff did on a day",
            description = "Every call that changed something under /v1/ops/ on the China day `date` (today if none), the "
                    + "latest first: who, in which roles, the call, the reason given, the HTTP status it ended with (a "
                    + "refusal too) and the request's id. `who` keeps one person's.")
    @GET
    public List<StaffAction> on(@QueryParam("date") String date, @QueryParam("who") String who) {
        LocalDate day;
        try {
            day = date == null || date.isBlank() ? BusinessDate.today(clock) : LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw new Problems.BadFieldException("query:date", "send a date as 2026-11-30");
        }
        return audit.on(day).stream().filter(a -> who == null || who.isBlank() || a.who().equals(who)).toList();
    }
}
