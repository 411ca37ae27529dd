package org.microloan.api;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.microloan.integrations.partners.NoticeDelivery;
import org.microloan.integrations.partners.PartnerNotice;
import org.microloan.integrations.partners.PartnerNotices;
import org.microloan.origination.store.ApplicationStore;

/** Ops see what a partner was told of an application, and send it again. */
@Path("/v1/ops/applications/{applicationId}/notices")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.OPERATOR, Roles.SUPERVISOR})
public class NoticesResource {

    private final ApplicationStore store;
    private final PartnerNotices notices;
    private final NoticeDelivery delivery;
    private final Clock clock;

    public NoticesResource(ApplicationStore store, PartnerNotices notices, NoticeDelivery delivery, Clock clock) {
        this.store = store;
        this.notices = notices;
        this.delivery = delivery;
        this.clock = clock;
    }

    /** A notice to a partner as ops see it: where it stands, without its payload. */
    @RegisterForReflection
    public record Notice(String status, String partnerId, String messageId, String state, int attempts, String lastResult,
                         Instant lastAttemptAt, Instant nextAttemptAt) {
        static Notice of(PartnerNotice n) {
            return new Notice(n.status(), n.partnerId(), n.messageId(), n.state().name(), n.attempts(), n.lastResult(),
                    n.lastAttemptAt(), n.nextAttemptAt());
        }
    }

    @Operation(summary = "Read the notices to a partner",
            description = "What the partner who brought the application was told, per status: attempts, the last answer, "
                    + "when the next try is due.")
    @GET
    public List<Notice> notices(@PathParam("applicationId") String id) {
        if (store.find(id).isEmpty()) {
            throw new Problems.NotFoundException("no application " + id);
        }
        return notices.of(id).stream().map(Notice::of).toList();
    }

    /** Sends a status change to the partner again now, delivered or not; a failure gets a fresh day of retries. */
    @Operation(summary = "Send a notice again",
            description = "Sends a status change to the partner again now, delivered before or given up; a failure gets a "
                    + "fresh day of retries.")
    @POST
    @Path("/{status}/resend")
    public Notice resend(@PathParam("applicationId") String id, @PathParam("status") String status) {
        return delivery.resend(id, status, clock.instant()).map(Notice::of).orElseThrow(() -> new Problems.NotFoundException(
                "no notice of " + status + " for application " + id));
    }
}
