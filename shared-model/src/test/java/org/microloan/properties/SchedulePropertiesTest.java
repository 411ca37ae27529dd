package org.microloan.properties;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.microloan.money.Money;
import org.microloan.schedule.Installment;
import org.microloan.schedule.DayCount;
import org.microloan.schedule.LoanTerms;
import org.microloan.schedule.RepaymentMethod;
import org.microloan.schedule.RepaymentSchedule;

class SchedulePropertiesTest {

    @Provide
    Arbitrary<LoanTerms> loans() {
        return RandomLoans.terms();
    }

    @Property(tries = 500)
    void principalSumsExactlyToTheAmountLent(@ForAll("loans") LoanTerms terms) {
        assertThat(RepaymentSchedule.of(terms).totalPrincipal()).isEqualTo(terms.principal());
    }

    @Property(tries = 500)
    void balancesNeverNegativeAndNeverRising(@ForAll("loans") LoanTerms terms) {
        Money previous = terms.principal();
        for (Installment installment : RepaymentSchedule.of(terms).installments()) {
            assertThat(installment.balance().isNegative()).isFalse();
            assertThat(installment.balance()).isLessThanOrEqualTo(previous);
            assertThat(installment.principal().isNegative()).isFalse();
            assertThat(installment.interest().isNegative()).isFalse();
            previous = installment.balance();
        }
        assertThat(previous).isEqualTo(Money.ZERO);
    }

    @Property(tries = 500)
    void installmentsConstantButForTheLast(@ForAll("loans") LoanTerms terms) {
        RepaymentSchedule schedule = RepaymentSchedule.of(terms);
        List<Installment> allButLast = schedule.installments().subList(0, schedule.installments().size() - 1);
        switch (terms.method()) {
            case EQUAL_INSTALLMENT -> assertThat(allButLast).allSatisfy(
                    i -> assertThat(i.total()).isEqualTo(schedule.emi().orElseThrow()));
            case EQUAL_PRINCIPAL, FLAT -> assertThat(allButLast).allSatisfy(i -> assertThat(i.principal())
                    .isEqualTo(terms.principal().dividedBy(terms.periods(), terms.rounding())));
            case INTEREST_ONLY, DAILY_ACCRUAL -> assertThat(allButLast).allSatisfy(
                    i -> assertThat(i.principal()).isEqualTo(Money.ZERO));
        }
        assertThat(schedule.installments()).hasSize(terms.periods());
    }

    @Property(tries = 300)
    void zeroRateGivesPrincipalOverPeriods(@ForAll("loans") LoanTerms loan) {
        LoanTerms terms = loan.withAnnualRate(BigDecimal.ZERO);
        RepaymentSchedule schedule = RepaymentSchedule.of(terms);

        assertThat(schedule.totalInterest()).isEqualTo(Money.ZERO);
        if (terms.method() == RepaymentMethod.EQUAL_INSTALLMENT) {
            assertThat(schedule.emi()).contains(terms.principal().dividedBy(terms.periods(), terms.rounding()));
        }
    }

    @Property(tries = 300)
    void flatNeverChargesLessThanTheDecliningBalance(@ForAll("loans") LoanTerms loan) {
        LoanTerms flat = new LoanTerms(loan.principal(), loan.annualRate(), loan.periods(), RepaymentMethod.FLAT,
                loan.dayCount(), loan.frequency(), loan.start(), null, loan.rounding(), Money.ZERO);
        // flat interest runs by whole months: compared with the declining balance counted the same way (30/360)
        LoanTerms declining = new LoanTerms(loan.principal(), loan.annualRate(), loan.periods(),
                RepaymentMethod.EQUAL_PRINCIPAL, DayCount.THIRTY_360, loan.frequency(), loan.start(), null, loan.rounding(),
                Money.ZERO);

        assertThat(RepaymentSchedule.of(flat).totalInterest())
                .isGreaterThanOrEqualTo(RepaymentSchedule.of(declining).totalInterest());
    }
}
