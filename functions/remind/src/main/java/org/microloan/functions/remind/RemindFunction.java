package org.microloan.functions.remind;

import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;

/** The daily servicing run, a page of loans per call: the scheduler's state machine maps over the pages. */
public class RemindFunction {

    @Inject
    Reminding reminding;

    @Funq("remind")
    public RemindResult remind(RemindInput input) {
        return reminding.run(input);
    }
}
