package org.microloan.cli;

import org.microloan.schedule.Installment;

/** One installment as loanctl prints it. */
public record InstallmentJson(int number, String dueDate, String principal, String interest, String total,
                              String balance) {

    static InstallmentJson of(Installment i) {
        return new InstallmentJson(i.number(), i.dueDate().toString(), i.principal().toString(),
                i.interest().toString(), i.total().toString(), i.balance().toString());
    }
}
