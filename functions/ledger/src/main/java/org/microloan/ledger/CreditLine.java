package org.microloan.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/** A borrower's credit line for a product: opened with the first loan, reviewed every quarter. */
@Entity
@Table(name = "credit_line", uniqueConstraints = @UniqueConstraint(name = "credit_line_per_product",
        columnNames = {"borrower_id", "product_code"}))
public class CreditLine {

    @Id
    public String id;

    @Column(name = "borrower_id", nullable = false)
    public String borrowerId;

    @Column(name = "product_code", nullable = false)
    public String productCode;

    @Column(name = "line_fen", nullable = false)
    public long lineFen;

    @Column(name = "annual_rate", nullable = false, precision = 20, scale = 12)
    public BigDecimal annualRate;

    @Column(nullable = false)
    public boolean frozen;

    @Column(name = "opened_on", nullable = false)
    public LocalDate openedOn;

    @Column(name = "reviewed_on")
    public LocalDate reviewedOn;
}
