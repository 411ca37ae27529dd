package org.microloan.functions.remind;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The daily servicing run, a page of loans per call: the scheduler's state machine maps over the pages. */
@Named("remind")
public class RemindFunction implements RequestHandler<RemindInput, RemindResult> {

    @Inject
    Reminding reminding;

    @Override
    public RemindResult handleRequest(RemindInput input, Context context) {
        return reminding.run(input);
    }
}
