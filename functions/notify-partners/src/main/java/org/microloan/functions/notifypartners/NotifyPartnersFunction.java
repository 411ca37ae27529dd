package org.microloan.functions.notifypartners;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.microloan.integrations.partners.NoticeDelivery;
import org.microloan.integrations.partners.PartnerNotice;

/**
 * Partners hear of every status change of the applications they brought. The table's stream says what
 * changed, whoever changed it (a function, the API, or the workflow's own failure and expiry writes);
 * the scheduler's minute sweep retries what the partner did not take.
 */
@Named("notify-partners")
public class NotifyPartnersFunction implements RequestHandler<NotifyInput, NotifyResult> {

    /** Notices attempted per query of the due ones; a sweep goes on while pages come back full. */
    static final int PAGE = 100;

    @Inject
    NoticeDelivery delivery;

    @Inject
    Clock clock;

    @Override
    public NotifyResult handleRequest(NotifyInput input, Context context) {
        List<PartnerNotice> attempted = new ArrayList<>();
        int noticed = 0;
        if (input != null && input.records() != null) {
            for (NotifyInput.StreamRecord record : input.records()) {
                Optional<PartnerNotice> notice = statusChange(record);
                if (notice.isPresent()) {
                    noticed++;
                    attempted.add(notice.get());
                }
            }
        } else {
            List<PartnerNotice> page;
            do {
                page = delivery.deliverDue(clock.instant(), PAGE);
                attempted.addAll(page);
            } while (page.size() == PAGE);
        }
        return new NotifyResult(noticed, count(attempted, PartnerNotice.State.DELIVERED),
                count(attempted, PartnerNotice.State.PENDING), count(attempted, PartnerNotice.State.GAVE_UP));
    }

    private Optional<PartnerNotice> statusChange(NotifyInput.StreamRecord record) {
        NotifyInput.Change change = record.dynamodb();
        if (change == null || !"APPLICATION".equals(change.text(true, "sk"))
                || !("INSERT".equals(record.eventName()) || "MODIFY".equals(record.eventName()))) {
            return Optional.empty();
        }
        String status = change.text(true, "status");
        if (status == null || status.equals(change.text(false, "status"))) {
            return Optional.empty();
        }
        Instant at = change.approximateCreationDateTime() == null ? clock.instant()
                : Instant.ofEpochMilli(change.approximateCreationDateTime().movePointRight(3).longValue());
        return delivery.statusChanged(change.text(true, "applicationId"), change.text(true, "borrowerId"), status, at,
                clock.instant());
    }

    private static int count(List<PartnerNotice> notices, PartnerNotice.State state) {
        return (int) notices.stream().filter(n -> n.state() == state).count();
    }
}
