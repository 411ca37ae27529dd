package org.microloan.api;

/**
 * The staff roles as {@code @RolesAllowed} takes them: annotations need constants, and these are the names of
 * {@link org.microloan.access.Role}.
 */
final class Roles {

    static final String REVIEWER = "reviewer";
    static final String COLLECTOR = "collector";
    static final String OPERATOR = "operator";
    static final String SUPERVISOR = "supervisor";

    private Roles() {
    }
}
