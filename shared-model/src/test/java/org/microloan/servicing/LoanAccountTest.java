package org.microloan.servicing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.microloan.money.Money;
import org.microloan.schedule.DayCount;
import org.microloan.schedule.Frequency;
import org.microloan.schedule.LoanTerms;
import org.microloan.schedule.RepaymentMethod;
import org.microloan.schedule.RepaymentSchedule;

/** 12,000 at 12% over 12 months from 2026-01-15, 30/360: EMI 1066.19, the first 120.00 interest + 946.19. */
class LoanAccountTest {

    private static final ServicingTerms TERMS = ServicingTerms.defaults();

    private static final LoanAccount OPENED = LoanAccount.opened(RepaymentSchedule.of(new LoanTerms(Money.of("12000"),
            new BigDecimal("0.12"), 12, RepaymentMethod.EQUAL_INSTALLMENT, DayCount.THIRTY_360, Frequency.MONTHLY,
            LocalDate.parse("2026-01-15"), null, RoundingMode.HALF_UP, Money.ZERO)));

    private static LocalDate day(String date) {
        return LocalDate.parse(date);
    }

    private static RepaymentOutcome.Repaid paid(LoanAccount account, String amount, String on, PrepaymentChoice choice) {
        RepaymentOutcome outcome = account.repay(Money.of(amount), day(on), choice, TERMS);
        assertThat(outcome).isInstanceOf(RepaymentOutcome.Repaid.class);
        return (RepaymentOutcome.Repaid) outcome;
    }

    private static LoanAccount afterFirstInstallment() {
        return paid(OPENED, "1066.19", "2026-02-15", PrepaymentChoice.SHORTEN_TERM).account();
    }

    @Test
    void onTheDueDate_theInstallmentIsOwedAsCurrent_andAPaymentSettlesIt_interestFirst() {
        assertThat(OPENED.owed(day("2026-02-15"))).containsEntry(Due.CURRENT_INTEREST, Money.of("120.00"))
                .containsEntry(Due.CURRENT_PRINCIPAL, Money.of("946.19")).containsEntry(Due.OVERDUE_PRINCIPAL, Money.ZERO);

        RepaymentOutcome.Repaid repaid = paid(OPENED, "1066.19", "2026-02-15", PrepaymentChoice.SHORTEN_TERM);

        assertThat(repaid.interest()).isEqualTo(Money.of("120.00"));
        assertThat(repaid.principal()).isEqualTo(Money.of("946.19"));
        assertThat(repaid.account().installments().get(0).settledOn()).contains(day("2026-02-15"));
        assertThat(repaid.account().outstandingPrincipal()).isEqualTo(Money.of("11053.81"));
        assertThat(repaid.account().nextDue(day("2026-02-16")).orElseThrow().number()).isEqualTo(2);
        assertThat(OPENED.outstandingPrincipal()).as("the account it came from is unchanged").isEqualTo(Money.of("12000.00"));
    }

    @Test
    void lateness_accruesPenaltyInterestDayByDay_once_onTheOverduePrincipalOnly() {
        // 946.19 × 12% × 1.5 / 360 = 0.47 a day, from the due date
        LoanAccount tenDaysLate = OPENED.accruePenalty(day("2026-02-25"), TERMS);

        assertThat(tenDaysLate.daysPastDue(day("2026-02-25"))).isEqualTo(10);
        assertThat(tenDaysLate.owed(day("2026-02-25"))).containsEntry(Due.PENALTY_INTEREST, Money.of("4.70"))
                .containsEntry(Due.OVERDUE_INTEREST, Money.of("120.00")).containsEntry(Due.OVERDUE_PRINCIPAL, Money.of("946.19"));
        assertThat(tenDaysLate.accruePenalty(day("2026-02-25"), TERMS)).as("the same day again").isSameAs(tenDaysLate);
        assertThat(tenDaysLate.accruePenalty(day("2026-02-27"), TERMS).owed(day("2026-02-27")))
                .containsEntry(Due.PENALTY_INTEREST, Money.of("5.64"));
        assertThat(afterFirstInstallment().accruePenalty(day("2026-02-25"), TERMS)).as("nothing overdue")
                .isEqualTo(afterFirstInstallment());
    }

    @Test
    void aLatePayment_paysPenaltyFirst_andClearingTheArrearsIsDated() {
        LoanAccount late = OPENED.accruePenalty(day("2026-02-25"), TERMS);

        RepaymentOutcome.Repaid part = paid(late, "500.00", "2026-02-25", PrepaymentChoice.SHORTEN_TERM);
        RepaymentOutcome.Repaid rest = paid(part.account(), "570.89", "2026-02-25", PrepaymentChoice.SHORTEN_TERM);

        assertThat(part.penaltyInterest()).isEqualTo(Money.of("4.70"));
        assertThat(part.allocation().appliedTo(Due.OVERDUE_PRINCIPAL)).isEqualTo(Money.of("375.30"));
        assertThat(part.account().arrearsClearedOn()).isEmpty();
        assertThat(rest.account().daysPastDue(day("2026-02-25"))).isZero();
        assertThat(rest.account().arrearsClearedOn()).contains(day("2026-02-25"));
    }

    @Test
    void theExactPayoff_settlesTheLoan_andMoreIsRefusedWithThatFigure() {
        LoanAccount account = afterFirstInstallment();
        assertThat(account.payoff(day("2026-03-01"), TERMS)).isEqualTo(Money.of("11109.08"));

        RepaymentOutcome tooMuch = account.repay(Money.of("20000.00"), day("2026-03-01"), PrepaymentChoice.SHORTEN_TERM, TERMS);
        RepaymentOutcome.Repaid exact = paid(account, "11109.08", "2026-03-01", PrepaymentChoice.SHORTEN_TERM);

        assertThat(tooMuch).isEqualTo(new RepaymentOutcome.Refused(RepaymentOutcome.Refusal.ABOVE_PAYOFF,
                "20000.00 is more than the pay-off amount 11109.08 on this day: send at most 11109.08", Money.of("11109.08")));
        assertThat(exact.account().status()).isEqualTo(LoanStatus.SETTLED);
        assertThat(exact.prepaid()).isEqualTo(Money.of("11053.81"));
        assertThat(exact.accruedInterest()).isEqualTo(Money.of("55.27"));
        assertThat(exact.account().installments()).hasSize(2);
        assertThat(exact.account().installments().get(1).dueDate()).isEqualTo(day("2026-03-01"));
        assertThat(exact.account().outstandingPrincipal()).isEqualTo(Money.ZERO);
        assertThat(exact.account().payoff(day("2026-03-02"), TERMS)).isEqualTo(Money.ZERO);
        assertThat(exact.account().repay(Money.of("1.00"), day("2026-03-02"), PrepaymentChoice.SHORTEN_TERM, TERMS))
                .extracting(outcome -> ((RepaymentOutcome.Refused) outcome).refusal())
                .isEqualTo(RepaymentOutcome.Refusal.LOAN_SETTLED);
    }

    @Test
    void aPrepayment_paysTheAccruedInterest_andReschedulesAsTheBorrowerChose() {
        LoanAccount account = afterFirstInstallment();

        // 14 of 28 days into the period: 11053.81 × 1% × 14/28 = 55.27 accrued, the rest is principal
        RepaymentOutcome.Repaid shorter = paid(account, "3000.00", "2026-03-01", PrepaymentChoice.SHORTEN_TERM);
        RepaymentOutcome.Repaid lower = paid(account, "3000.00", "2026-03-01", PrepaymentChoice.LOWER_INSTALLMENT);

        assertThat(shorter.prepaid()).isEqualTo(Money.of("2944.73"));
        assertThat(shorter.accruedInterest()).isEqualTo(Money.of("55.27"));
        assertThat(shorter.account().outstandingPrincipal()).isEqualTo(Money.of("8109.08"));
        assertThat(shorter.account().installments()).hasSizeLessThan(12);
        assertThat(shorter.account().installments().get(1).paidInterest()).as("accrued interest paid on the day")
                .isEqualTo(Money.of("55.27"));
        assertThat(lower.account().installments()).hasSize(12);
        assertThat(lower.account().emi().orElseThrow()).isLessThan(Money.of("1066.19"));
    }

    @Test
    void beyondWhatIsDue_tooLittleForTheAccruedInterest_isRefused_sayingWhatToSend() {
        RepaymentOutcome outcome = afterFirstInstallment().repay(Money.of("50.00"), day("2026-03-01"),
                PrepaymentChoice.SHORTEN_TERM, TERMS);

        assertThat(outcome).isInstanceOfSatisfying(RepaymentOutcome.Refused.class, refused -> {
            assertThat(refused.refusal()).isEqualTo(RepaymentOutcome.Refusal.BELOW_ACCRUED_INTEREST);
            assertThat(refused.detail()).isEqualTo("50.00 beyond what is due does not cover the interest of 55.27 "
                    + "accrued to 2026-03-01: send more than 55.27, or exactly 0.00");
        });
    }

    @Test
    void theAutoDebit_asksForEverythingOwed_onTheDueDate_andOnTheRetryDaysPastDue_only() {
        Set<Integer> retryDays = Set.of(1, 3, 7);

        assertThat(OPENED.autoDebit(day("2026-02-14"), retryDays)).as("nothing due yet").isEmpty();
        assertThat(OPENED.autoDebit(day("2026-02-15"), retryDays)).contains(Money.of("1066.19"));
        assertThat(OPENED.autoDebit(day("2026-02-16"), retryDays)).contains(Money.of("1066.19"));
        assertThat(OPENED.autoDebit(day("2026-02-17"), retryDays)).as("day 2 is not a retry day").isEmpty();
        LoanAccount late = OPENED.accruePenalty(day("2026-02-18"), TERMS);
        assertThat(late.autoDebit(day("2026-02-18"), retryDays)).as("with the penalty accrued")
                .contains(Money.of("1067.60"));
        assertThat(afterFirstInstallment().autoDebit(day("2026-02-16"), retryDays)).as("paid").isEmpty();
    }

    @Test
    void moneyValuedBeforeAnInstallmentAlreadySettled_countsFromThatInstallment_andTheQuoteDoesNotFail() {
        LoanAccount account = afterFirstInstallment();

        assertThat(account.payoff(day("2026-02-10"), TERMS)).isEqualTo(account.payoff(day("2026-02-15"), TERMS));
        assertThat(account.repay(Money.of("100.00"), day("2026-02-10"), PrepaymentChoice.SHORTEN_TERM, TERMS))
                .isInstanceOf(RepaymentOutcome.Repaid.class);
    }

    @Test
    void aProductWithoutPartialRepayment_refusesLessThanIsDue_butTakesWhatTheRailCollected() {
        ServicingTerms whole = TERMS.withPartialRepayment(false);

        RepaymentOutcome short1 = OPENED.repay(Money.of("500.00"), day("2026-02-15"), PrepaymentChoice.SHORTEN_TERM, whole);
        ReceivedMoney collected = OPENED.receive(Money.of("500.00"), day("2026-02-15"), PrepaymentChoice.SHORTEN_TERM, whole);

        assertThat(short1).isInstanceOfSatisfying(RepaymentOutcome.Refused.class, r -> {
            assertThat(r.refusal()).isEqualTo(RepaymentOutcome.Refusal.BELOW_AMOUNT_DUE);
            assertThat(r.detail()).contains("1066.19 is due on 2026-02-15");
        });
        assertThat(OPENED.repay(Money.of("1066.19"), day("2026-02-15"), PrepaymentChoice.SHORTEN_TERM, whole))
                .isInstanceOf(RepaymentOutcome.Repaid.class);
        assertThat(collected.unapplied()).as("money already moved is applied").isEqualTo(Money.ZERO);
        assertThat(collected.account().outstandingPrincipal()).isEqualTo(Money.of("12000.00").minus(Money.of("380.00")));
    }
}
