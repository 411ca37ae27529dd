package org.microloan.functions.remind;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.microloan.configuration.Settings;
import org.microloan.identity.Mask;
import org.microloan.integrations.providers.Messages;
import org.microloan.ledger.Books;
import org.microloan.ledger.CollectionRecord;
import org.microloan.ledger.Collections;
import org.microloan.ledger.ContactRecord;
import org.microloan.ledger.CreditLines;
import org.microloan.ledger.ServicingRun;
import org.microloan.moneyin.RailCollections;
import org.microloan.origination.intake.ApplicationIntake;
import org.microloan.origination.store.ApplicationStore;
import org.microloan.origination.store.StoredApplication;
import org.microloan.schedule.BusinessDate;
import org.microloan.servicing.CollectionStatus;
import org.microloan.servicing.PrepaymentChoice;
import org.microloan.workflow.KeyReusedException;

/**
 * Runs a page of the books for the business date, sends what is due (the page's contacts, and any contact
 * deferred past quiet hours or left unsent by a failed call whose time has come; quiet hours are applied
 * when the contact is planned), then asks the rail for the day's auto-debits (每期代扣 on the due date,
 * again on the retry days past due); each provider at its own pace. The only recipient this code can
 * address is the mobile registered on the borrower's own application, so nothing ever goes to a third
 * party; the message carries the masked number only and is keyed by the contact, so a retry never sends
 * twice.
 */
@ApplicationScoped
public class Reminding {

    private static final Logger LOG = Logger.getLogger(Reminding.class);

    static final int DEFAULT_PAGE = 500;

    private final ServicingRun run;
    private final ApplicationStore applications;
    private final ApplicationIntake intake;
    private final Messages messages;
    private final CreditLines creditLines;
    private final RailCollections rail;
    private final Clock clock;
    private final ProviderCalls sms;
    private final ProviderCalls debits;

    public Reminding(ServicingRun run, ApplicationStore applications, ApplicationIntake intake,
                     Messages messages, CreditLines creditLines, RailCollections rail, Clock clock, Settings settings) {
        this.run = run;
        this.applications = applications;
        this.intake = intake;
        this.messages = messages;
        this.creditLines = creditLines;
        this.rail = rail;
        this.clock = clock;
        Settings.Servicing servicing = settings.servicing();
        this.sms = new ProviderCalls("remind-sms", servicing.messagesPerSecond(), servicing.callsInFlight());
        this.debits = new ProviderCalls("remind-rail", servicing.autoDebitsPerSecond(), servicing.callsInFlight());
    }

    RemindResult run(RemindInput given) {
        if (given == null || (given.businessDate() == null && given.now() == null)) {
            throw new IllegalArgumentException("remind needs {\"businessDate\": \"YYYY-MM-DD\"}, or the run's \"now\" "
                    + "to take the business date of");
        }
        Instant now = given.now() == null ? clock.instant() : given.now();
        // the scheduler gives only its time: the run is for the business date of that moment, China time
        RemindInput input = given.businessDate() != null ? given
                : new RemindInput(BusinessDate.of(now), given.after(), given.pageSize(), now, given.part());
        int size = input.pageSize() == null ? DEFAULT_PAGE : input.pageSize();
        if (input.lines()) {
            String last = CreditLines.quarterEnd(input.businessDate())
                    ? Books.await(() -> creditLines.reviewPage(input.businessDate(), input.after(), size)) : null;
            return new RemindResult(input.businessDate(), 0, 0, 0, 0, 0, 0, last, last != null);
        }
        ServicingRun.Page page = Books.await(() -> run.runPage(input.businessDate(), now, input.after(), size));
        // the page's own contacts are among the unsent whose time has come, with any deferred or left by a failed call
        Map<String, ContactRecord> toSend = new LinkedHashMap<>();
        page.toSend().forEach(c -> toSend.put(c.id, c));
        Books.await(() -> run.unsent(now, size)).forEach(c -> toSend.putIfAbsent(c.id, c));
        int sent = sendAll(List.copyOf(toSend.values()));
        int deferred = (int) page.recorded().stream()
                .filter(c -> c.status == ContactRecord.Status.DEFERRED).count();
        ProviderCalls.Ended<Boolean> asked = debits.each(page.toCollect(), debit -> collect(debit, input.businessDate(), now));
        asked.rethrow();
        int collected = (int) asked.answers().stream().filter(Boolean::booleanValue).count();
        return new RemindResult(input.businessDate(), page.loans(), page.recorded().size(), sent, deferred, collected,
                page.toCollect().size() - collected, page.lastLoanId(), page.more());
    }

    /**
     * 代扣: one collection per loan and business date (a rerun of the day asks nothing new); what fails is
     * left to the retry days and to collections, as any arrears.
     */
    private boolean collect(ServicingRun.AutoDebit debit, LocalDate businessDate, Instant now) {
        try {
            CollectionRecord c = rail.collect(new Collections.Ask(debit.loanId(), CollectionRecord.Origin.AUTO_DEBIT,
                    "auto#" + debit.loanId() + "#" + businessDate, debit.amount(), PrepaymentChoice.SHORTEN_TERM,
                    "daily-run"), now);
            return c.status == CollectionStatus.SUCCEEDED;
        } catch (KeyReusedException | RailCollections.NoBoundAccountException e) {
            // the day's collection was asked for another amount already, or there is no account: nothing more today
            LOG.warnf("auto-debit of loan %s on %s not asked: %s", debit.loanId(), businessDate, e.getMessage());
            return false;
        }
    }

    /**
     * Sends the contacts at the provider's pace; what went is marked in one write, and a failure fails the
     * call once the rest have gone, so that the retry sends only what is left.
     */
    private int sendAll(List<ContactRecord> contacts) {
        if (contacts.isEmpty()) {
            return 0;
        }
        Map<String, String> applicationOfLoan = Books.await(() -> run.applicationsOf(contacts.stream().map(c -> c.loanId).toList()));
        Map<String, StoredApplication> sealed = applications.findAll(applicationOfLoan.values());
        List<ContactRecord> addressed = contacts.stream().filter(c -> sealed.containsKey(applicationOfLoan.get(c.loanId))).toList();
        ProviderCalls.Ended<Map.Entry<String, String>> ended = sms.each(addressed, contact -> {
            String mobile = intake.open(sealed.get(applicationOfLoan.get(contact.loanId))).personal().mobile();
            Messages.Receipt receipt = messages.send(new Messages.Message(mobile, contact.kind.name(), Map.of(
                    "mobile", Mask.mobile(mobile), "days", Long.toString(contact.daysPastDue))), contact.id);
            return Map.entry(contact.id, receipt.messageId());
        });
        Books.await(() -> run.markSent(ended.answers().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue))));
        ended.rethrow();
        return ended.answers().size();
    }
}
