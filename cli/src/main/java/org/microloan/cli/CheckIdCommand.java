package org.microloan.cli;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.microloan.identity.IdentityFailure;
import org.microloan.identity.Mask;
import org.microloan.identity.ResidentId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "check-id", mixinStandardHelpOptions = true,
        description = "Check a resident ID number (GB 11643-1999); exit 1 when it is not valid.")
final class CheckIdCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ID_NUMBER", description = "18 characters, or a 15-digit legacy number.")
    String number;

    @Option(names = "--on", converter = FlagTypes.Date.class, paramLabel = "DATE",
            description = "The day to check on (a birth date after it is refused); default today.")
    LocalDate on;

    /** The number itself is never printed, only its masked form. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Output(boolean valid, String birthDate, String sex, String masked, List<IdentityFailure> failures) {
    }

    @Override
    public Integer call() {
        ResidentId.Check check = ResidentId.check(number, on == null ? LocalDate.now() : on);
        Output output = check.id()
                .map(id -> new Output(true, id.birthDate().toString(), id.sex().name(), id.masked(), List.of()))
                .orElseGet(() -> new Output(false, null, null, Mask.idNumber(number), check.failures()));
        LoanCtl.print(spec, output);
        return check.valid() ? 0 : LoanCtl.REFUSED;
    }
}
