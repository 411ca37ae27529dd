package org.microloan.ledger;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.hibernate.reactive.mutiny.Mutiny;
import org.microloan.configuration.Settings;
import org.microloan.product.ProductCatalogue;
import org.microloan.schedule.BusinessDate;
import org.microloan.servicing.CollectionsPlan;
import org.microloan.servicing.Contact;
import org.microloan.servicing.HandoverField;
import org.microloan.servicing.LoanAccount;
import org.microloan.servicing.LoanStatus;

/**
 * Loans beyond negotiation handed to a licensed agency on the whitelist ({@code microloan.agencies}), once,
 * on the server's business date: the hand-over is recorded with what the loan owed and the fields that went
 * with it, the loan is marked as with the agency (the daily run contacts it no more), and the run's open
 * hand-over task is closed.
 */
@ApplicationScoped
public class AgencyHandovers {

    private final Mutiny.SessionFactory sessions;
    private final CollectionsPlan plan;
    private final Settings settings;
    private final Clock clock;

    public AgencyHandovers(Mutiny.SessionFactory sessions, ProductCatalogue products, Settings settings, Clock clock) {
        this.sessions = sessions;
        this.plan = products.collections();
        this.settings = settings;
        this.clock = clock;
    }

    /** Handed over, or refused, and why. */
    public sealed interface Outcome {
        record HandedOver(AgencyHandover handover) implements Outcome {
        }

        /** @param code the API's name for the refusal: not-on-whitelist, not-beyond-negotiation, already-with-agency */
        record Refused(String code, String why) implements Outcome {
        }
    }

    public Uni<Outcome> handOver(String loanId, String agency, String reason, String by) {
        if (!settings.agencies().containsKey(agency)) {
            return Uni.createFrom().item(new Outcome.Refused("not-on-whitelist", "'" + agency
                    + "' is not a licensed agency on the whitelist: use one of " + settings.agencies().keySet()));
        }
        Instant now = clock.instant();
        LocalDate today = BusinessDate.of(now);
        return sessions.withTransaction(session -> session.find(Loan.class, loanId, LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> new IllegalArgumentException("no loan " + loanId))
                .call(loan -> Mutiny.fetch(loan.installments))
                .chain(loan -> {
                    if (loan.status != LoanStatus.ACTIVE) {
                        throw new LoanSettledException(loan.id);
                    }
                    if (loan.withAgency) {
                        return Uni.createFrom().<Outcome>item(new Outcome.Refused("already-with-agency",
                                "loan " + loan.id + " is already with an agency"));
                    }
                    LoanAccount account = loan.account();
                    long daysPastDue = account.daysPastDue(today);
                    if (!plan.forAgency(daysPastDue)) {
                        return Uni.createFrom().<Outcome>item(new Outcome.Refused("not-beyond-negotiation", "loan " + loan.id
                                + " is " + daysPastDue + " days past due: an agency takes loans more than "
                                + plan.negotiationUpTo() + " days past due"));
                    }
                    AgencyHandover h = new AgencyHandover();
                    h.id = UUID.randomUUID().toString();
                    h.loanId = loan.id;
                    h.agency = agency;
                    h.handedAt = now;
                    h.handedBy = by;
                    h.reason = reason;
                    h.daysPastDue = daysPastDue;
                    h.owedFen = account.totalOwed(today).fen();
                    h.dataFields = HandoverField.ALL.stream().map(Enum::name).collect(Collectors.joining(","));
                    loan.withAgency = true;
                    return session.createMutationQuery("update ContactRecord set status = HANDED_OVER"
                                    + " where loanId = :loan and kind = :kind and status = OPEN")
                            .setParameter("loan", loan.id).setParameter("kind", Contact.AGENCY_HANDOVER).executeUpdate()
                            .chain(() -> session.persist(h)).replaceWith(new Outcome.HandedOver(h));
                }));
    }

    public Uni<Optional<AgencyHandover>> of(String loanId) {
        return sessions.withSession(session -> session.createSelectionQuery("from AgencyHandover where loanId = :loan",
                AgencyHandover.class).setParameter("loan", loanId).getSingleResultOrNull()).map(Optional::ofNullable);
    }

    /** The agency's name on the whitelist, or its id if it has left it since. */
    public String nameOf(String agency) {
        Settings.Agency a = settings.agencies().get(agency);
        return a == null ? agency : a.name();
    }
}
