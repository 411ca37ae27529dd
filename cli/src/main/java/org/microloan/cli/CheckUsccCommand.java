package org.microloan.cli;

import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.microloan.identity.IdentityFailure;
import org.microloan.identity.UnifiedSocialCreditCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "check-uscc", mixinStandardHelpOptions = true,
        description = "Check a unified social credit code (GB 32100-2015); exit 1 when it is not valid.")
final class CheckUsccCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "CODE", description = "18 characters over 0-9 and A-Y without I, O, S, V, Z.")
    String code;

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Output(boolean valid, List<IdentityFailure> failures) {
    }

    @Override
    public Integer call() {
        List<IdentityFailure> failures = UnifiedSocialCreditCode.check(code);
        LoanCtl.print(spec, new Output(failures.isEmpty(), failures));
        return failures.isEmpty() ? 0 : LoanCtl.REFUSED;
    }
}
