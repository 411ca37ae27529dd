package org.microloan.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;

import org.microloan.pricing.CapBasis;
import org.microloan.pricing.LprTable;
import org.microloan.pricing.RateCap;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Which legal cap applies: the basis, the LPR table, and the contract date. */
final class CapOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    /** NONE: no cap is applied (for quotes outside the platform's regulation). */
    enum Basis { LPR4X, FIXED24, NONE }

    @Option(names = "--basis", defaultValue = "LPR4X", paramLabel = "BASIS",
            description = "Cap basis: LPR4X (4 x the one-year LPR), FIXED24 (24%% comprehensive cost) or NONE;"
                    + " default ${DEFAULT-VALUE}.")
    Basis basis;

    @Option(names = "--contract-date", converter = FlagTypes.Date.class, paramLabel = "DATE",
            description = "Day the contract is signed; the LPR in force then sets the cap.")
    LocalDate contractDate;

    @Option(names = "--lpr-table", paramLabel = "FILE",
            description = "LPR history, one 'YYYY-MM-DD PERCENT' a line; default the published table.")
    Path lprTable;

    /**
     * The cap rate in force on the contract date ({@code fallback} when --contract-date is not given),
     * or none when --basis NONE. With {@code lenient}, the default basis on a contract from before the
     * LPR table is quoted uncapped (and said so on stderr) rather than refused.
     */
    Optional<RateCap.Limit> limit(LocalDate fallback, boolean lenient) {
        LocalDate date = contractDate == null ? fallback : contractDate;
        try {
            return cap().map(c -> c.on(date));
        } catch (IllegalArgumentException e) {
            if (lenient && !spec.commandLine().getParseResult().hasMatchedOption("--basis")) {
                spec.commandLine().getErr().println("loanctl: note: no LPR for the contract date " + date
                        + ", so no cap is applied; give --basis FIXED24 to apply the 24% line");
                return Optional.empty();
            }
            throw new IllegalArgumentException("no LPR is configured for the contract date " + date
                    + (contractDate == null ? " (--start, as --contract-date is not given)" : "")
                    + ": the table starts on " + lpr().firstEffective()
                    + "; give --basis FIXED24" + (lenient ? ", --basis NONE," : "")
                    + " or an --lpr-table FILE that covers the date");
        }
    }

    /** The cap in force, or none when --basis NONE. */
    Optional<RateCap> cap() {
        if (basis == Basis.NONE) {
            return Optional.empty();
        }
        return Optional.of(RateCap.of(CapBasis.valueOf(basis.name()), lpr()));
    }

    private LprTable lpr() {
        if (lprTable == null) {
            return LprTable.published();
        }
        return LprTable.parse(LoanCtl.read("--lpr-table", lprTable));
    }
}
