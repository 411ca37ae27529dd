package org.microloan.api;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import org.microloan.configuration.Settings;
import org.microloan.identity.Mask;
import org.microloan.integrations.providers.Messages;
import org.microloan.origination.intake.ApplicationIntake;
import org.microloan.origination.steps.StepContext;
import org.microloan.origination.store.AcceptanceCodes;
import org.microloan.origination.store.PersonalExposure;
import org.microloan.origination.store.StoredApplication;
import org.microloan.workflow.Acceptance;
import org.microloan.workflow.AcceptanceCode;
import org.microloan.workflow.ApplicationStatus;
import org.microloan.workflow.Offer;
import org.microloan.workflow.Step;

/**
 * The borrower's answer to an offer, however it reaches us: from the app for their own application, or
 * for a partner's application with the one-time code sent to the mobile on it (entered in the app or
 * relayed by the partner, who never sees it). Five wrong codes void the offer.
 */
@ApplicationScoped
public class OfferAnswers {

    private final StepContext steps;
    private final Workflow workflow;
    private final PersonalExposure exposure;
    private final AcceptanceCodes codes;
    private final ApplicationIntake intake;
    private final Messages messages;
    private final AcceptanceCode.Rules rules;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public OfferAnswers(StepContext steps, Workflow workflow, PersonalExposure exposure, AcceptanceCodes codes,
                        ApplicationIntake intake, Messages messages, Settings settings, Clock clock) {
        this.steps = steps;
        this.workflow = workflow;
        this.exposure = exposure;
        this.codes = codes;
        this.intake = intake;
        this.messages = messages;
        this.rules = new AcceptanceCode.Rules(settings.acceptance().codeValidity(), settings.acceptance().wrongCodesVoid(),
                settings.acceptance().codesPerOffer());
        this.clock = clock;
    }

    /** Where the code went (masked) and until when it holds. */
    @RegisterForReflection
    public record CodeSent(String sentTo, Instant expiresAt, int codesLeft, int wrongCodesLeft) {
    }

    /** Answers the workflow waiting on the offer, then records the answer: ACCEPTED goes on to the payout. */
    ApplicationsResource.Accepted answer(StoredApplication stored, boolean accept, String via, String link) {
        standing(stored);
        // QUOTED and the workflow's token come in one write: an offer the borrower can see can be answered
        String token = steps.result(stored, Step.ACCEPTANCE_TOKEN).taskToken();
        ApplicationStatus next = accept ? ApplicationStatus.ACCEPTED : ApplicationStatus.DECLINED;
        // the workflow first: if it no longer waits, nothing here has changed
        workflow.answer(token, Map.of("accepted", accept));
        steps.reach(stored, next, Step.ACCEPTANCE, new Acceptance(accept, clock.instant(), via));
        if (!accept) {
            exposure.release(stored);
        }
        return new ApplicationsResource.Accepted(stored.applicationId(), next.name(), link);
    }

    /** Sends a new code to the mobile on the application; the one before no longer holds. */
    CodeSent sendCode(StoredApplication stored) {
        Offer offer = standing(stored);
        AcceptanceCode.Drawn drawn = AcceptanceCode.draw(random);
        Instant now = clock.instant();
        AcceptanceCode kept = codes.issue(stored.applicationId(), drawn, now, rules).orElseThrow(() ->
                new Problems.ConflictException("acceptance-codes-spent", "this offer has had its " + rules.codesPerOffer()
                        + " codes, or too many wrong ones: it can no longer be accepted by code"));
        String mobile = intake.open(stored).personal().mobile();
        messages.send(new Messages.Message(mobile, "ACCEPTANCE_CODE", Map.of("code", drawn.code(),
                        "amount", offer.amount(), "minutes", Long.toString(rules.validity().toMinutes()))),
                "acceptance-code-" + stored.applicationId() + "-" + kept.issued());
        return new CodeSent(Mask.mobile(mobile), kept.expiresAt(rules), rules.codesPerOffer() - kept.issued(),
                kept.attemptsLeft(rules));
    }

    /**
     * The answer with the code sent: the right one still holding answers the offer; a wrong one is counted
     * (422 with the attempts left) and the last allowed voids the offer (409); a late one asks for a new code.
     */
    ApplicationsResource.Accepted answerWithCode(StoredApplication stored, boolean accept, String code, String via,
                                                 String link) {
        standing(stored);
        AcceptanceCode sent = codes.find(stored.applicationId()).orElseThrow(() -> new Problems.ConflictException(
                "no-acceptance-code", "no code has been sent for this offer: ask for one first"));
        return switch (sent.check(code, clock.instant(), rules)) {
            case MATCHES -> answer(stored, accept, via, link);
            case EXPIRED -> throw new Problems.RefusedException("acceptance-code-expired", "/code", "the code expired at "
                    + sent.expiresAt(rules) + ": ask for a new one");
            case WRONG -> {
                AcceptanceCode after = codes.wrong(stored.applicationId());
                if (after.attemptsLeft(rules) == 0) {
                    throw voided(stored);
                }
                throw new Problems.RefusedException("acceptance-code-wrong", "/code", "that is not the code sent to the "
                        + "borrower's mobile: " + after.attemptsLeft(rules) + " more wrong codes void the offer");
            }
            case VOID -> {
                if (sent.attemptsLeft(rules) > 0) {
                    codes.wrong(stored.applicationId());
                }
                throw voided(stored);
            }
        };
    }

    /** Too many wrong codes: the offer is withdrawn as if refused, and the room it held given back. */
    private Problems.ConflictException voided(StoredApplication stored) {
        answer(stored, false, "void: " + rules.wrongCodesVoid() + " wrong codes", null);
        return new Problems.ConflictException("offer-void", rules.wrongCodesVoid() + " wrong codes were entered: the "
                + "offer is void; the borrower may apply again");
    }

    /** The offer, if it can still be answered: QUOTED and not expired. */
    private Offer standing(StoredApplication stored) {
        if (stored.status() != ApplicationStatus.QUOTED) {
            throw new Problems.ConflictException("not-awaiting-acceptance", "application " + stored.applicationId()
                    + " is " + stored.status() + ", not waiting for an answer to an offer");
        }
        Offer offer = steps.result(stored, Step.QUOTE_RATE);
        if (offer.expiresAt().isBefore(clock.instant())) {
            throw new Problems.ConflictException("offer-expired", "the offer expired at " + offer.expiresAt());
        }
        return offer;
    }
}
