package org.microloan.decision;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.microloan.identity.IdentityFailure;
import org.microloan.identity.MobileNumber;
import org.microloan.identity.ResidentId;
import org.microloan.identity.UnifiedSocialCreditCode;
import org.microloan.money.Money;
import org.microloan.product.CustomerType;
import org.microloan.product.DecisionPolicy;
import org.microloan.product.Product;
import org.microloan.scoring.CreditScore;
import org.microloan.scoring.ModelUnits;
import org.microloan.scoring.Scorecard;

/**
 * Decides an application: the knock-out rules first (identity, the product's bands, the outstanding
 * limit, past defaults, velocity), then the scorecard. A decline names its reasons, most important
 * first: the rules that fired, or the characteristics that cost the most points.
 */
public final class CreditDecision {

    private CreditDecision() {
    }

    public static Decision decide(CreditApplication application, Product product, BorrowerHistory history,
                                  Scorecard scorecard, ModelUnits units, DecisionPolicy policy) {
        ResidentId.Check id = ResidentId.check(application.idNumber(), application.applicationDate());
        List<KnockOut> knockOuts = knockOuts(application, id, product, history);
        if (!knockOuts.isEmpty()) {
            return new Decision.Declined(scorecard.version(),
                    knockOuts.stream().limit(policy.maxReasons()).map(KnockOut::reason).toList(), Optional.empty());
        }
        int age = id.id().orElseThrow().ageOn(application.applicationDate());
        return onScore(scorecard.score(units.profile(application, age)), application.amount(), scorecard, policy);
    }

    /**
     * The rules that decline whatever the score, in the order a borrower should hear them: the stages the
     * workflow checks one step at a time ({@link #identityRules}, {@link #productRules}, the limit, {@link
     * #bureauRules}, {@link #velocityRule}), all at once.
     */
    public static List<KnockOut> knockOuts(CreditApplication application, ResidentId.Check id, Product product,
                                           BorrowerHistory history) {
        List<KnockOut> fired = new ArrayList<>(identityRules(application, id, product));
        fired.addAll(productRules(application, product));
        if (history.outstanding().plus(application.amount()).isGreaterThan(product.outstandingLimit())) {
            fired.add(KnockOut.EXPOSURE_LIMIT);
        }
        fired.addAll(bureauRules(application, product));
        fired.addAll(velocityRule(history.applicationsLast24h(), product));
        return fired;
    }

    /** Who the applicant is (verify-identity, before the KYC provider): the ID number, mobile, credit code, age. */
    public static List<KnockOut> identityRules(CreditApplication application, ResidentId.Check id, Product product) {
        List<KnockOut> fired = new ArrayList<>();
        id.failures().forEach(failure -> fired.add(knockOut(failure)));
        MobileNumber.check(application.mobile()).forEach(failure -> fired.add(knockOut(failure)));
        if (product.customer() == CustomerType.BUSINESS) {
            UnifiedSocialCreditCode.check(application.creditCode().orElse(null)).forEach(f -> fired.add(knockOut(f)));
        }
        id.id().ifPresent(resident -> {
            if (!product.acceptsAge(resident.ageOn(application.applicationDate()))) {
                fired.add(KnockOut.AGE_OUT_OF_RANGE);
            }
        });
        return fired;
    }

    /** What the product offers (apply): the amount and term bands and the repayment methods. */
    public static List<KnockOut> productRules(CreditApplication application, Product product) {
        List<KnockOut> fired = new ArrayList<>();
        if (!product.offersAmount(application.amount())) {
            fired.add(KnockOut.AMOUNT_OUT_OF_RANGE);
        }
        if (!product.offersTerm(application.termMonths())) {
            fired.add(KnockOut.TERM_OUT_OF_RANGE);
        }
        if (!product.methods().contains(application.method())) {
            fired.add(KnockOut.METHOD_NOT_OFFERED);
        }
        return fired;
    }

    /** What the bureau says (score): past default records, where the product does not take them. */
    public static List<KnockOut> bureauRules(CreditApplication application, Product product) {
        return application.pastDefaultRecords() && !product.pastDefaultRecordsAllowed()
                ? List.of(KnockOut.PAST_DEFAULT_RECORDS) : List.of();
    }

    /** Too many applications (apply): the borrower's others in the 24 hours before this one. */
    public static List<KnockOut> velocityRule(long applicationsLast24h, Product product) {
        return applicationsLast24h >= product.applicationsPer24h() ? List.of(KnockOut.TOO_MANY_APPLICATIONS) : List.of();
    }

    /**
     * The scorecard's verdict on an amount: approve at or above the cut-off, decline below it; a loan
     * above the review line with a score in the grey band goes to a person, a small one never does.
     */
    public static Decision onScore(CreditScore score, Money amount, Scorecard scorecard, DecisionPolicy policy) {
        boolean large = amount.isGreaterThan(policy.reviewAbove()) && amount.isGreaterThan(policy.automaticUpTo());
        if (large && scorecard.inGreyBand(score.score())) {
            return new Decision.Referred(score, Reason.GREY_BAND);
        }
        if (scorecard.approves(score.score())) {
            return new Decision.Approved(score);
        }
        return new Decision.Declined(score.modelVersion(),
                score.costliest(policy.maxReasons()).stream().map(Reason::of).toList(), Optional.of(score));
    }

    private static KnockOut knockOut(IdentityFailure failure) {
        return KnockOut.valueOf(failure.name());
    }
}
