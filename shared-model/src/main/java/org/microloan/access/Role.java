package org.microloan.access;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Whom a token speaks for, as its {@code groups} claim names it: a borrower, or a member of staff in one of
 * the back office's roles. The server decides by role what a person may see and do; the console only follows.
 */
public enum Role {
    /** Applies, accepts, repays: only their own applications and loans. */
    borrower,
    /** Decides the applications the scorecard referred to a person. */
    reviewer,
    /** Works overdue loans: logs contacts under the conduct rules, hands loans to an agency. */
    collector,
    /** Runs the workflows and the books: executions, replays, servicing runs, partner notices, money received offline. */
    operator,
    /** Everything staff may do, and the second person where a decision needs two. */
    supervisor;

    /** The role a claim names, or a refusal that lists the roles there are. */
    public static Role named(String name) {
        return Arrays.stream(values()).filter(r -> r.name().equals(name)).findFirst().orElseThrow(
                () -> new IllegalArgumentException("role is one of " + list() + ", not " + name));
    }

    public static String list() {
        return Arrays.stream(values()).map(Role::name).collect(Collectors.joining(", "));
    }
}
