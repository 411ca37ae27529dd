package org.microloan.ledger;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.microloan.servicing.FiveTierClass;

/** A loan's five-tier class changed, on a date, for a reason: the history regulators ask for. */
@Entity
@Table(name = "classification_change")
public class ClassificationChange {

    @Id
    public String id;

    @Column(name = "loan_id", nullable = false)
    public String loanId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_class", nullable = false)
    public FiveTierClass fromClass;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_class", nullable = false)
    public FiveTierClass toClass;

    @Column(name = "changed_on", nullable = false)
    public LocalDate changedOn;

    @Column(nullable = false)
    public String reason;
}
