package org.microloan.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.microloan.testing.Applications.TODAY;
import static org.microloan.testing.Applications.emergency;
import static org.microloan.testing.Applications.idBornOn;
import static org.microloan.testing.Applications.weak;
import static org.microloan.testing.Applications.with;
import static org.microloan.testing.Applications.withIdentity;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.microloan.money.Money;
import org.microloan.product.ProductCatalogue;
import org.microloan.schedule.RepaymentMethod;
import org.microloan.scoring.CreditScore;
import org.microloan.scoring.Grade;
import org.microloan.scoring.Scorecard;

class CreditDecisionTest {

    private static final ProductCatalogue CATALOGUE = ProductCatalogue.bundled();
    private static final Scorecard SCORECARD = Scorecard.bundled();

    private static Decision decide(CreditApplication application, BorrowerHistory history) {
        return CreditDecision.decide(application, CATALOGUE.get(application.productCode()), history, SCORECARD,
                ProductCatalogue.bundled().modelUnits(), CATALOGUE.decisionPolicy());
    }

    private static List<String> codes(Decision decision) {
        return ((Decision.Declined) decision).reasons().stream().map(Reason::code).toList();
    }

    @Test
    void soundApplicant_isApproved_withTheModelVersion() {
        Decision decision = decide(emergency(), BorrowerHistory.NEW_BORROWER);

        assertThat(decision.outcome()).isEqualTo(Decision.Outcome.APPROVE);
        assertThat(decision.modelVersion()).isEqualTo(SCORECARD.version());
        assertThat(decision.score().orElseThrow().score()).isGreaterThanOrEqualTo(SCORECARD.approveScore());
    }

    @Test
    void alteredIdNumber_isDeclinedForTheChecksum_beforeTheModel() {
        String id = idBornOn("1996-05-04");
        String altered = id.substring(0, 16) + (id.charAt(16) == '1' ? '3' : '1') + id.charAt(17);

        Decision decision = decide(withIdentity(emergency(), altered, "13812345678"), BorrowerHistory.NEW_BORROWER);

        assertThat(codes(decision)).containsExactly("ID_CHECKSUM");
        assertThat(decision.score()).isEmpty();
    }

    @Test
    void ageOutsideTheProductBand_isDeclined() {
        Decision decision = decide(withIdentity(emergency(), idBornOn("1970-01-01"), "13812345678"),
                BorrowerHistory.NEW_BORROWER);

        assertThat(codes(decision)).containsExactly("AGE_OUT_OF_RANGE");
    }

    @Test
    void amountTermAndMethodOutsideTheProduct_areEachNamed() {
        Decision decision = decide(with(emergency(), "EMERGENCY", "8000", 6, RepaymentMethod.EQUAL_INSTALLMENT),
                BorrowerHistory.NEW_BORROWER);

        assertThat(codes(decision)).containsExactly("AMOUNT_OUT_OF_RANGE", "TERM_OUT_OF_RANGE", "METHOD_NOT_OFFERED");
    }

    @Test
    void outstandingOverTheConsumerLimit_isDeclined() {
        Decision decision = decide(emergency(), new BorrowerHistory(Money.of("198000"), 0));

        assertThat(codes(decision)).containsExactly("EXPOSURE_LIMIT");
    }

    @Test
    void tooManyApplicationsIn24Hours_isDeclined() {
        assertThat(codes(decide(emergency(), new BorrowerHistory(Money.ZERO, 3)))).containsExactly("TOO_MANY_APPLICATIONS");
        assertThat(decide(emergency(), new BorrowerHistory(Money.ZERO, 2)).outcome()).isEqualTo(Decision.Outcome.APPROVE);
    }

    @Test
    void pastDefaults_areAKnockOutForConsumerProducts() {
        assertThat(codes(decide(weak(emergency(), true), BorrowerHistory.NEW_BORROWER)))
                .contains("PAST_DEFAULT_RECORDS");
    }

    @Test
    void manyRulesFiring_giveAtMostFourReasons_mostImportantFirst() {
        CreditApplication everythingWrong = withIdentity(with(weak(emergency(), true), "EMERGENCY", "9000", 12,
                RepaymentMethod.FLAT), "110105199605040021", "12345");

        List<String> codes = codes(decide(everythingWrong, new BorrowerHistory(Money.of("199000"), 5)));

        assertThat(codes).hasSize(4).startsWith("ID_CHECKSUM", "MOBILE_FORMAT");
    }

    @Test
    void weakProfile_isDeclinedByTheScorecard_withItsCostliestCharacteristics() {
        Decision decision = decide(weak(emergency(), false), BorrowerHistory.NEW_BORROWER);

        Decision.Declined declined = (Decision.Declined) decision;
        assertThat(declined.reasons()).hasSizeBetween(1, 4);
        assertThat(declined.reasons()).allSatisfy(r -> {
            assertThat(r.zh()).isNotBlank();
            assertThat(r.en()).isNotBlank();
        });
        CreditScore score = declined.score().orElseThrow();
        assertThat(declined.reasons().get(0).code()).isEqualTo(score.costliest(1).get(0).name());
        assertThat(score.grade()).isEqualTo(Grade.E);
    }

    @Test
    void largeLoanInTheGreyBand_goesToAPerson_smallLoanNever() {
        int nearTheLine = SCORECARD.approveScore() + SCORECARD.greyBand() - 1;
        CreditScore score = new CreditScore(SCORECARD.version(), nearTheLine, new BigDecimal("0.15"), Grade.D, List.of());

        Decision large = CreditDecision.onScore(score, Money.of("150000"), SCORECARD, CATALOGUE.decisionPolicy());
        Decision small = CreditDecision.onScore(score, Money.of("5000"), SCORECARD, CATALOGUE.decisionPolicy());

        assertThat(large.outcome()).isEqualTo(Decision.Outcome.REVIEW);
        assertThat(((Decision.Referred) large).why().code()).isEqualTo("GREY_BAND");
        assertThat(small.outcome()).isEqualTo(Decision.Outcome.APPROVE);
    }

    @Test
    void businessProduct_needsAValidCreditCode() {
        CreditApplication business = new CreditApplication("BUSINESS", Money.of("200000"), 12, RepaymentMethod.INTEREST_ONLY,
                emergency().frequency(), TODAY, idBornOn("1980-03-03"), "13912345678", Optional.of("91350100M000100Y44"),
                Money.of("30000"), Money.of("8000"), Money.of("900000"), Money.ZERO, Money.of("200000"),
                new BigDecimal("10"), CreditApplication.Home.OWNER, CreditApplication.Marital.MARRIED,
                CreditApplication.Job.FIXED, false, Optional.of(Money.of("120000")));

        assertThat(codes(decide(business, BorrowerHistory.NEW_BORROWER))).containsExactly("USCC_CHECKSUM");
    }
}
