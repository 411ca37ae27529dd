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
import org.microloan.ledger.AgencyHandovers;
import org.microloan.ledger.Books;
import org.microloan.ledger.Collections;
import org.microloan.ledger.Loan;
import org.microloan.ledger.LoanHistory;
import org.microloan.ledger.LoanState;
import org.microloan.ledger.Repayments;
import org.microloan.origination.intake.ApplicationIntake;
import org.microloan.origination.store.ApplicationStore;
import org.microloan.schedule.BusinessDate;

/** Staff read any loan whole: where it stands, its schedule, its repayments, and what happened to it. */
@Path("/v1/ops/loans/{loanId}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.COLLECTOR, Roles.OPERATOR, Roles.SUPERVISOR})
public class StaffLoansResource {

    private final Books books;
    private final Collections collections;
    private final Repayments repayments;
    private final AgencyHandovers handovers;
    private final ApplicationStore store;
    private final ApplicationIntake intake;
    private final Clock clock;

    public StaffLoansResource(Books books, Collections collections, Repayments repayments, AgencyHandovers handovers,
                              ApplicationStore store, ApplicationIntake intake, Clock clock) {
        this.books = books;
        this.collections = collections;
        this.repayments = repayments;
        this.handovers = handovers;
        this.store = store;
        this.intake = intake;
        this.clock = clock;
    }

    /**
     * @param borrower whom a collector calls, masked (null when the application is not on file)
     * @param handover the loan's hand-over to an agency, if it was handed over
     */
    @RegisterForReflection
    public record StaffLoan(LoanState state, Borrower borrower, List<LoansResource.ScheduleLine> schedule,
                            List<RepaymentView> repayments, LoanHistory history,
                            AgencyHandoverResource.Handover handover) {
    }

    @RegisterForReflection
    public record Borrower(String name, String mobile) {
    }

    @Operation(summary = "Read a loan whole",
            description = "A loan as it stands today (China time), its schedule, every repayment asked for or received, "
                    + "its class changes, the contacts the daily run made, the collectors' calls, and every line of its "
                    + "journal, and its hand-over to an agency. The borrower's name and mobile and the payee's account come "
                    + "masked. An unknown loan is 404.")
    @GET
    public StaffLoan loan(@PathParam("loanId") String loanId) {
        Loan loan = Books.await(() -> books.loan(loanId));
        if (loan == null) {
            throw new Problems.NotFoundException("no loan " + loanId);
        }
        // masked at intake and kept beside the sealed part: showing it opens nothing (a KMS Decrypt in AWS)
        Borrower borrower = store.find(loan.applicationId).map(a -> intake.masked(a).personal())
                .map(p -> new Borrower(p.name(), p.mobile())).orElse(null);
        return new StaffLoan(Books.await(() -> books.state(loanId, BusinessDate.today(clock))), borrower,
                LoansResource.scheduleOf(loan),
                Books.await(() -> collections.ofLoan(loanId)).stream().map(c -> LoansResource.viewOf(c, repayments)).toList(),
                Books.await(() -> books.history(loanId)),
                Books.await(() -> handovers.of(loanId)).map(h -> AgencyHandoverResource.Handover.of(h, handovers)).orElse(null));
    }
}
