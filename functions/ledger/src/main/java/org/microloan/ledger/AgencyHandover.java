package org.microloan.ledger;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/**
 * A loan beyond negotiation handed to a licensed agency on the whitelist, once: to whom, by whom and why,
 * what it owed then, and the names of the data fields that went with it.
 */
@Entity
@Table(name = "agency_handover", uniqueConstraints = @UniqueConstraint(name = "agency_handover_once", columnNames = "loan_id"))
public class AgencyHandover {

    @Id
    public String id;

    @Column(name = "loan_id", nullable = false)
    public String loanId;

    @Column(nullable = false)
    public String agency;

    @Column(name = "handed_at", nullable = false)
    public Instant handedAt;

    @Column(name = "handed_by", nullable = false)
    public String handedBy;

    @Column(nullable = false, length = 1000)
    public String reason;

    @Column(name = "days_past_due", nullable = false)
    public long daysPastDue;

    @Column(name = "owed_fen", nullable = false)
    public long owedFen;

    /** Comma-separated field names, e.g. {@code loanId,name,mobile,owed,daysPastDue}. */
    @Column(name = "data_fields", nullable = false, length = 1000)
    public String dataFields;
}
