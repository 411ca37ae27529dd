package org.microloan.identity;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A resident identity card number (居民身份证号码, GB 11643-1999): a six-digit region code, the birth
 * date, a three-digit sequence (odd for men, even for women) and an ISO 7064 MOD 11-2 check character.
 * 15-digit numbers issued before 1999 are converted to 18 digits.
 */
public record ResidentId(String number, LocalDate birthDate, Sex sex) {

    private static final Pattern EIGHTEEN = Pattern.compile("\\d{17}[\\dX]");
    private static final Pattern FIFTEEN = Pattern.compile("\\d{15}");
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARACTERS = "10X98765432";
    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

    /** Province-level codes (GB/T 2260), and 81–83 for Hong Kong, Macao and Taiwan residence permits. */
    private static final Set<String> PROVINCES = Set.of(
            "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
            "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
            "71", "81", "82", "83");

    /** @param id present when the number is valid; {@code failures} empty then */
    public record Check(Optional<ResidentId> id, List<IdentityFailure> failures) {

        public boolean valid() {
            return failures.isEmpty();
        }
    }

    /** Checks {@code input} as it would be on {@code today}: a birth date after today is refused. */
    public static Check check(String input, LocalDate today) {
        String number = input == null ? "" : input.trim().toUpperCase();
        if (FIFTEEN.matcher(number).matches()) {
            String seventeen = number.substring(0, 6) + "19" + number.substring(6);
            number = seventeen + checkCharacter(seventeen);
        }
        if (!EIGHTEEN.matcher(number).matches()) {
            return new Check(Optional.empty(), List.of(IdentityFailure.ID_FORMAT));
        }
        List<IdentityFailure> failures = new ArrayList<>();
        if (!PROVINCES.contains(number.substring(0, 2))) {
            failures.add(IdentityFailure.ID_PROVINCE);
        }
        Optional<LocalDate> birth = birthDate(number.substring(6, 14));
        if (birth.isEmpty() || birth.get().isAfter(today) || birth.get().isBefore(EARLIEST_BIRTH)) {
            failures.add(IdentityFailure.ID_BIRTH_DATE);
        }
        if (checkCharacter(number.substring(0, 17)) != number.charAt(17)) {
            failures.add(IdentityFailure.ID_CHECKSUM);
        }
        if (!failures.isEmpty()) {
            return new Check(Optional.empty(), List.copyOf(failures));
        }
        Sex sex = (number.charAt(16) - '0') % 2 == 1 ? Sex.M : Sex.F;
        return new Check(Optional.of(new ResidentId(number, birth.get(), sex)), List.of());
    }

    /** ISO 7064 MOD 11-2: "10X98765432"[Σ digit_i × weight_i mod 11]. */
    public static char checkCharacter(String seventeenDigits) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (seventeenDigits.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS.charAt(sum % 11);
    }

    private static Optional<LocalDate> birthDate(String yyyymmdd) {
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(yyyymmdd.substring(0, 4)),
                    Integer.parseInt(yyyymmdd.substring(4, 6)), Integer.parseInt(yyyymmdd.substring(6, 8))));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** Age in whole years on {@code date}. */
    public int ageOn(LocalDate date) {
        return Period.between(birthDate, date).getYears();
    }

    public String masked() {
        return Mask.idNumber(number);
    }

    @Override
    public String toString() {
        return "ResidentId[" + masked() + "]";
    }
}
