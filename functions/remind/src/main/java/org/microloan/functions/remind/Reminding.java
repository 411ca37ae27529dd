package org.microloan.functions.remind;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import org.microloan.identity.Mask;
import org.microloan.integrations.providers.Messages;
import org.microloan.ledger.Books;
import org.microloan.ledger.ContactRecord;
import org.microloan.ledger.CreditLines;
import org.microloan.ledger.Loan;
import org.microloan.ledger.ServicingRun;
import org.microloan.origination.intake.ApplicationIntake;
import org.microloan.origination.store.ApplicationStore;

/**
 * Runs a page of the books for the business date, then sends what is due: the page's contacts and any
 * contact deferred past quiet hours whose time has come (quiet hours are applied when the contact is
 * planned). The only recipient this code can address is the mobile registered on the borrower's own
 * application, so nothing ever goes to a third party; the message carries the masked number only and
 * is keyed by the contact, so a retry never sends twice.
 */
@ApplicationScoped
public class Reminding {

    static final int DEFAULT_PAGE = 500;

    private final ServicingRun run;
    private final Books books;
    private final ApplicationStore applications;
    private final ApplicationIntake intake;
    private final Messages messages;
    private final CreditLines creditLines;
    private final Clock clock;

    public Reminding(ServicingRun run, Books books, ApplicationStore applications, ApplicationIntake intake,
                     Messages messages, CreditLines creditLines, Clock clock) {
        this.run = run;
        this.books = books;
        this.applications = applications;
        this.intake = intake;
        this.messages = messages;
        this.creditLines = creditLines;
        this.clock = clock;
    }

    RemindResult run(RemindInput input) {
        if (input == null || input.businessDate() == null) {
            throw new IllegalArgumentException("remind needs {\"businessDate\": \"YYYY-MM-DD\"}");
        }
        Instant now = input.now() == null ? clock.instant() : input.now();
        int size = input.pageSize() == null ? DEFAULT_PAGE : input.pageSize();
        if (input.lines()) {
            String last = CreditLines.quarterEnd(input.businessDate())
                    ? Books.await(() -> creditLines.reviewPage(input.businessDate(), input.after(), size)) : null;
            return new RemindResult(input.businessDate(), 0, 0, 0, 0, last, last != null);
        }
        ServicingRun.Page page = Books.await(() -> run.runPage(input.businessDate(), now, input.after(), size));
        List<ContactRecord> toSend = new ArrayList<>(page.toSend());
        toSend.addAll(Books.await(() -> run.deferredDue(now, size)));
        int sent = 0;
        for (ContactRecord contact : toSend) {
            sent += send(contact) ? 1 : 0;
        }
        int deferred = (int) page.recorded().stream()
                .filter(c -> c.status == ContactRecord.Status.DEFERRED).count();
        return new RemindResult(input.businessDate(), page.loans(), page.recorded().size(), sent, deferred,
                page.lastLoanId(), page.more());
    }

    private boolean send(ContactRecord contact) {
        Loan loan = Books.await(() -> books.loan(contact.loanId));
        String mobile = applications.find(loan.applicationId).map(a -> intake.open(a).personal().mobile()).orElse(null);
        if (mobile == null) {
            return false;
        }
        Messages.Receipt receipt = messages.send(new Messages.Message(mobile, contact.kind.name(), Map.of(
                "mobile", Mask.mobile(mobile), "days", Long.toString(contact.daysPastDue))), contact.id);
        Books.await(() -> run.markSent(contact.id, receipt.messageId()));
        return true;
    }
}
