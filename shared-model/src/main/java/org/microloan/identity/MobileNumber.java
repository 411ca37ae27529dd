package org.microloan.identity;

import java.util.List;
import java.util.regex.Pattern;

/** A mainland mobile number: 11 digits starting 13–19. */
public final class MobileNumber {

    private static final Pattern FORMAT = Pattern.compile("^1[3-9]\\d{9}$");

    private MobileNumber() {
    }

    public static List<IdentityFailure> check(String input) {
        return input != null && FORMAT.matcher(input.trim()).matches() ? List.of() : List.of(IdentityFailure.MOBILE_FORMAT);
    }
}
