package org.microloan.ledger;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import org.microloan.servicing.Contact;

/**
 * One contact with a borrower about a loan, as the conduct rules require it logged. At most one of each
 * kind per loan and business date: a second run of the same day finds it and sends nothing.
 */
@Entity
@Table(name = "contact", uniqueConstraints = @UniqueConstraint(name = "contact_once_a_day",
        columnNames = {"loan_id", "business_date", "kind"}))
public class ContactRecord {

    /**
     * DUE to go out now; DEFERRED past quiet hours until {@code sendAt}; SENT (with the provider's id);
     * OPEN (a task: negotiation, or a hand-over to an agency, for a collector); HANDED_OVER (the collector handed
     * the loan to an agency).
     */
    public enum Status { DUE, DEFERRED, SENT, OPEN, HANDED_OVER }

    @Id
    public String id;

    @Column(name = "loan_id", nullable = false)
    public String loanId;

    @Column(name = "business_date", nullable = false)
    public LocalDate businessDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Contact kind;

    @Column(name = "days_past_due", nullable = false)
    public long daysPastDue;

    @Column(name = "send_at", nullable = false)
    public Instant sendAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "provider_message_id")
    public String providerMessageId;
}
