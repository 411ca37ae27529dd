package org.microloan.schedule;

import java.util.List;
import java.util.Optional;

import org.microloan.money.Money;

/** The installments of a loan, from its terms. */
public record RepaymentSchedule(LoanTerms terms, Optional<Money> emi, List<Installment> installments) {

    public RepaymentSchedule {
        installments = List.copyOf(installments);
    }

    public static RepaymentSchedule of(LoanTerms terms) {
        Amortization amortization = Amortization.of(terms);
        return switch (terms.method()) {
            case EQUAL_INSTALLMENT -> {
                Money emi = amortization.emi();
                yield new RepaymentSchedule(terms, Optional.of(emi), amortization.equalInstallments(emi));
            }
            case EQUAL_PRINCIPAL ->
                    new RepaymentSchedule(terms, Optional.empty(), amortization.equalPrincipal(amortization.equalPrincipalPart()));
            case INTEREST_ONLY, DAILY_ACCRUAL -> new RepaymentSchedule(terms, Optional.empty(), amortization.interestOnly());
            case FLAT -> new RepaymentSchedule(terms, Optional.empty(),
                    amortization.flat(amortization.equalPrincipalPart(), terms.principal()));
        };
    }

    public Money totalPrincipal() {
        return Money.total(installments.stream().map(Installment::principal));
    }

    public Money totalInterest() {
        return Money.total(installments.stream().map(Installment::interest));
    }

}
