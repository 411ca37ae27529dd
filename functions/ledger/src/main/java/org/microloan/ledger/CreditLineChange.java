package org.microloan.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A change to a credit line (a review, or an early-warning action), with its reason. */
@Entity
@Table(name = "credit_line_change")
public class CreditLineChange {

    @Id
    public String id;

    @Column(name = "credit_line_id", nullable = false)
    public String creditLineId;

    @Column(name = "changed_on", nullable = false)
    public LocalDate changedOn;

    @Column(nullable = false)
    public String action;

    @Column(name = "from_line_fen", nullable = false)
    public long fromLineFen;

    @Column(name = "to_line_fen", nullable = false)
    public long toLineFen;

    @Column(name = "from_rate", nullable = false, precision = 20, scale = 12)
    public BigDecimal fromRate;

    @Column(name = "to_rate", nullable = false, precision = 20, scale = 12)
    public BigDecimal toRate;

    @Column(nullable = false)
    public boolean frozen;

    @Column(nullable = false, length = 500)
    public String reason;

    static CreditLineChange of(CreditLine line, LocalDate on, String action, long toLineFen, BigDecimal toRate,
                               boolean frozen, String reason) {
        CreditLineChange change = new CreditLineChange();
        change.id = UUID.randomUUID().toString();
        change.creditLineId = line.id;
        change.changedOn = on;
        change.action = action;
        change.fromLineFen = line.lineFen;
        change.toLineFen = toLineFen;
        change.fromRate = line.annualRate;
        change.toRate = toRate;
        change.frozen = frozen;
        change.reason = reason;
        return change;
    }
}
