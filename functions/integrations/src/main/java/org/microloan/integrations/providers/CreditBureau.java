package org.microloan.integrations.providers;

/**
 * The credit bureau: the borrower's record, asked for with their recorded consent.
 *
 * <pre>
 * POST {bureau}/v1/reports
 * {"reference":"APPLICATION_ID","idNumber":"11010519491231002X","name":"张三",
 *  "consentVersion":"2026-01","consentAt":"2026-11-22T08:00:00Z"}
 * 200 {"reportId":"cr-91b2","pastDefaultRecords":false,"outstandingDebt":"12000.00","enquiriesLast90Days":2}
 * </pre>
 */
public interface CreditBureau {

    record Request(String reference, String idNumber, String name, String consentVersion, String consentAt) {
        @Override
        public String toString() {
            return "CreditBureau.Request[" + reference + "]";
        }
    }

    record Report(String reportId, boolean pastDefaultRecords, String outstandingDebt, int enquiriesLast90Days) {
    }

    Report report(Request request);
}
