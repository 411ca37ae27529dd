package org.microloan.servicing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.microloan.servicing.Due.CURRENT_INTEREST;
import static org.microloan.servicing.Due.CURRENT_PRINCIPAL;
import static org.microloan.servicing.Due.OVERDUE_INTEREST;
import static org.microloan.servicing.Due.OVERDUE_PRINCIPAL;
import static org.microloan.servicing.Due.PENALTY_INTEREST;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.microloan.money.Money;

class PaymentAllocationTest {

    private static final Map<Due, Money> OWED = Map.of(
            PENALTY_INTEREST, Money.of("5"), OVERDUE_INTEREST, Money.of("10"), OVERDUE_PRINCIPAL, Money.of("50"),
            CURRENT_INTEREST, Money.of("20"), CURRENT_PRINCIPAL, Money.of("100"));

    @Test
    void defaultOrder_settlesPenaltyThenOverdueThenCurrent() {
        PaymentAllocation allocation = PaymentAllocation.allocate(Money.of("100"), OWED, AllocationOrder.DEFAULT);

        assertThat(allocation.applied()).containsExactly(
                Map.entry(PENALTY_INTEREST, Money.of("5")), Map.entry(OVERDUE_INTEREST, Money.of("10")),
                Map.entry(OVERDUE_PRINCIPAL, Money.of("50")), Map.entry(CURRENT_INTEREST, Money.of("20")),
                Map.entry(CURRENT_PRINCIPAL, Money.of("15")));
        assertThat(allocation.unapplied()).isEqualTo(Money.ZERO);
    }

    @Test
    void configuredOrder_principalFirst() {
        AllocationOrder principalFirst = AllocationOrder.parse(
                "OVERDUE_PRINCIPAL, CURRENT_PRINCIPAL, OVERDUE_INTEREST, CURRENT_INTEREST, PENALTY_INTEREST");

        PaymentAllocation allocation = PaymentAllocation.allocate(Money.of("160"), OWED, principalFirst);

        assertThat(allocation.appliedTo(OVERDUE_PRINCIPAL)).isEqualTo(Money.of("50"));
        assertThat(allocation.appliedTo(CURRENT_PRINCIPAL)).isEqualTo(Money.of("100"));
        assertThat(allocation.appliedTo(OVERDUE_INTEREST)).isEqualTo(Money.of("10"));
        assertThat(allocation.appliedTo(PENALTY_INTEREST)).isEqualTo(Money.ZERO);
    }

    @Test
    void paymentAboveWhatIsOwed_leavesTheRestUnapplied() {
        PaymentAllocation allocation = PaymentAllocation.allocate(Money.of("200.01"), OWED, AllocationOrder.DEFAULT);

        assertThat(allocation.unapplied()).isEqualTo(Money.of("15.01"));
    }

    @Test
    void orderMissingAKind_isRefusedNamingTheKinds() {
        assertThatThrownBy(() -> AllocationOrder.parse("PENALTY_INTEREST,OVERDUE_INTEREST"))
                .hasMessageContaining("each exactly once")
                .hasMessageContaining("CURRENT_PRINCIPAL");
    }
}
