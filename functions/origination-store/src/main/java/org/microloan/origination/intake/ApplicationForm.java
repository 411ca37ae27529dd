package org.microloan.origination.intake;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * An application as the borrower's app or a partner sends it (the JSON contract). Amounts are decimal
 * strings of yuan. The personal part travels only as far as {@link ApplicationIntake}, which seals it.
 */
@RegisterForReflection(targets = {ApplicationForm.class, ApplicationForm.Personal.class, ApplicationForm.Finances.class,
        ApplicationForm.Consent.class, ApplicationForm.Payee.class})
public record ApplicationForm(
        String productCode,
        String amount,
        Integer termMonths,
        String method,
        String frequency,
        LocalDate applicationDate,
        Personal personal,
        Finances finances,
        Consent consent,
        Payee payee) {

    /**
     * Name, ID number, mobile, bank account, for a business its credit code, and the token the KYC vendor's
     * SDK gave the app after its liveness check on the borrower's phone: sealed, never logged.
     */
    public record Personal(String name, String idNumber, String mobile, String bankAccount, String creditCode,
                           String livenessToken) {
        @Override
        public String toString() {
            return "Personal[sealed]";
        }
    }

    public record Finances(String monthlyIncome, String monthlyExpenses, String assets, String debt,
                           String priceOfGoods, BigDecimal seniorityYears, String home, String marital, String job,
                           String monthlyBusinessFlows) {
    }

    /**
     * 受托支付: for a product paid to a merchant or a school, who that is: its name, the account the payout
     * goes to, and its unified social credit code. Sealed with the personal part.
     */
    public record Payee(String name, String account, String creditCode) {
        @Override
        public String toString() {
            return "Payee[sealed]";
        }
    }

    /** The version of the terms the borrower agreed to (data use and credit queries), and when. */
    public record Consent(String version, Instant acceptedAt) {
    }

    @Override
    public String toString() {
        return "ApplicationForm[" + productCode + " " + amount + "]";
    }
}
