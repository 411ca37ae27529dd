package org.microloan.moneyin;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.microloan.integrations.providers.PaymentRail;
import org.microloan.ledger.Books;
import org.microloan.ledger.CollectionRecord;
import org.microloan.ledger.Collections;
import org.microloan.ledger.Loan;
import org.microloan.money.Money;
import org.microloan.origination.intake.ApplicationForm;
import org.microloan.origination.intake.ApplicationIntake;
import org.microloan.origination.store.ApplicationStore;
import org.microloan.origination.store.PersonalExposure;
import org.microloan.servicing.CollectionStatus;
import org.microloan.workflow.ProviderRejectedException;
import org.microloan.workflow.ProviderUnavailableException;

/**
 * Asks the rail to collect money for a loan from the borrower's bound account (the account on the loan's
 * application), and settles the collection by the rail's answer: SUCCEEDED books it, FAILED changes
 * nothing, PENDING waits for the rail's callback. Asking again with the same key asks the rail again under
 * the same rail key, which is the same collection there, so a lost answer is recovered without paying twice.
 * Money booked brings the person's exposure down to what the loan still owes.
 */
@ApplicationScoped
public class RailCollections {

    private static final Logger LOG = Logger.getLogger(RailCollections.class);

    private final Collections collections;
    private final Books books;
    private final ApplicationStore applications;
    private final ApplicationIntake intake;
    private final PaymentRail rail;
    private final PersonalExposure exposure;

    public RailCollections(Collections collections, Books books, ApplicationStore applications, ApplicationIntake intake,
                           PaymentRail rail, PersonalExposure exposure) {
        this.collections = collections;
        this.books = books;
        this.applications = applications;
        this.intake = intake;
        this.rail = rail;
        this.exposure = exposure;
    }

    /** The loan has no application to take a bound account from. */
    public static class NoBoundAccountException extends RuntimeException {
        public NoBoundAccountException(String loanId) {
            super("loan " + loanId + " has no bound account to collect from");
        }
    }

    /** @param now the server's time of asking: a collection the rail settles at once is valued on its business date */
    public CollectionRecord collect(Collections.Ask ask, Instant now) {
        CollectionRecord c = Books.await(() -> collections.open(ask));
        if (c.status.isFinal()) {
            return c;
        }
        Loan loan = Books.await(() -> books.loan(c.loanId));
        ApplicationForm.Personal payer = applications.find(loan.applicationId).map(a -> intake.open(a).personal())
                .orElseThrow(() -> new NoBoundAccountException(c.loanId));
        PaymentRail.Collection answer;
        try {
            answer = rail.collect(new PaymentRail.CollectionRequest(c.id, ask.amount().toString(), "CNY", payer.name(),
                    payer.bankAccount()), "collect-" + c.id);
        } catch (ProviderUnavailableException e) {
            // the rail may have it: it stays PENDING, and the rail's callback or asking again settles it
            LOG.warnf("collection %s: the rail did not answer (%s); it stays pending", c.id, e.getMessage());
            return c;
        } catch (ProviderRejectedException e) {
            return heard(c.id, CollectionStatus.FAILED, "RAIL_REFUSED", null, now);
        }
        CollectionStatus status = CollectionStatus.valueOf(answer.status());
        if (status == CollectionStatus.PENDING) {
            return Books.await(() -> collections.pending(c.id, answer.collectionId()));
        }
        return heard(c.id, status, answer.reason(), answer.collectionId(), now);
    }

    /** The rail's outcome of a collection, at once or by its callback, heard at {@code now}. */
    public CollectionRecord heard(String collectionId, CollectionStatus status, String reason, String railReference,
                                  Instant now) {
        CollectionRecord c = Books.await(() -> collections.settle(collectionId, status, reason, railReference, now));
        if (c.status == CollectionStatus.SUCCEEDED) {
            booked(c);
        }
        return c;
    }

    /** Money ops received another way: booked on its value date, once per bank reference. */
    public CollectionRecord receivedOffline(String loanId, Money amount, LocalDate valueDate, String bankReference,
                                            String note, String by) {
        CollectionRecord c = Books.await(() -> collections.receivedOffline(loanId, amount, valueDate, bankReference, note, by));
        booked(c);
        return c;
    }

    /** The person's exposure is what the loan still owes (set, not subtracted: a second telling changes nothing). */
    private void booked(CollectionRecord c) {
        Loan loan = Books.await(() -> books.loan(c.loanId));
        applications.find(loan.applicationId).ifPresent(application -> exposure.hold(application,
                loan.account().outstandingPrincipal()));
    }
}
