package org.microloan.origination.store;

import java.time.Instant;
import java.util.Optional;

import org.microloan.workflow.AcceptanceCode;

/** The codes sent for a partner's offer (only their digests), and the wrong codes entered against it. */
public interface AcceptanceCodes {

    Optional<AcceptanceCode> find(String applicationId);

    /**
     * Keeps {@code drawn} as the offer's code from {@code now}, replacing the last one, unless the offer has
     * had all its codes or is void: then empty, and nothing changes.
     */
    Optional<AcceptanceCode> issue(String applicationId, AcceptanceCode.Drawn drawn, Instant now, AcceptanceCode.Rules rules);

    /** Counts a wrong code against the offer; its state after. */
    AcceptanceCode wrong(String applicationId);
}
