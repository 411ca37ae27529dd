package org.microloan.schedule;

/** How principal and interest are spread over the installments (PRODUCT.md §3). */
public enum RepaymentMethod {
    /** 等额本息: the same installment every period, interest on the declining balance. */
    EQUAL_INSTALLMENT,
    /** 等额本金: the same principal every period, interest on the declining balance. */
    EQUAL_PRINCIPAL,
    /** 按月/按季付息到期还本: interest each period, all principal in the last. */
    INTEREST_ONLY,
    /** 随借随还: interest = principal × daily rate × actual days, principal at maturity, repay any day. */
    DAILY_ACCRUAL,
    /** 等本等息: the same principal every period, interest on the original principal. */
    FLAT
}
