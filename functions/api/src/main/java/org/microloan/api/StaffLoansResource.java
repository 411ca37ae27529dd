package org.microloan.api;

import java.time.Clock;
import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.microloan.ledger.Books;
import org.microloan.ledger.Collections;
import org.microloan.ledger.Loan;
import org.microloan.ledger.LoanHistory;
import org.microloan.ledger.LoanState;
import org.microloan.ledger.Repayments;
import org.microloan.schedule.BusinessDate;

/** Staff read any loan whole: where it stands, its schedule, its repayments, and what happened to it. */
@Path("/v1/ops/loans/{loanId}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.COLLECTOR, Roles.OPERATOR, Roles.SUPERVISOR})
public class StaffLoansResource {

    private final Books books;
    private final Collections collections;
    private final Repayments repayments;
    private final Clock clock;

    public StaffLoansResource(Books books, Collections collections, Repayments repayments, Clock clock) {
        this.books = books;
        this.collections = collections;
        this.repayments = repayments;
        this.clock = clock;
    }

    @RegisterForReflection
    public record StaffLoan(LoanState state, List<LoansResource.ScheduleLine> schedule, List<RepaymentView> repayments,
                            LoanHistory history) {
    }

    @Operation(summary = "Read a loan whole",
            description = "A loan as it stands today (China time), its schedule, every repayment asked for or received, "
                    + "its class changes, the contacts the daily run made, the collectors' calls, and every line of its "
                    + "journal. No personal data: the payee's account comes masked. An unknown loan is 404.")
    @GET
    public StaffLoan loan(@PathParam("loanId") String loanId) {
        Loan loan = Books.await(() -> books.loan(loanId));
        if (loan == null) {
            throw new Problems.NotFoundException("no loan " + loanId);
        }
        return new StaffLoan(Books.await(() -> books.state(loanId, BusinessDate.today(clock))), LoansResource.scheduleOf(loan),
                Books.await(() -> collections.ofLoan(loanId)).stream().map(c -> LoansResource.viewOf(c, repayments)).toList(),
                Books.await(() -> books.history(loanId)));
    }
}
