package org.microloan.origination.intake;

import java.util.List;

/** A submission with problems: every bad field, named, with what to send instead. Nothing was stored. */
public class InvalidApplicationException extends RuntimeException {

    private final List<Problem> problems;

    public InvalidApplicationException(List<Problem> problems) {
        super(problems.size() + " problem(s): " + problems.stream().map(Problem::field).toList());
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
