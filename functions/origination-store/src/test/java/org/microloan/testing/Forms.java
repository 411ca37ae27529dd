package org.microloan.testing;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import org.microloan.identity.ResidentId;
import org.microloan.origination.intake.ApplicationForm;
import org.microloan.schedule.BusinessDate;

/** Application forms for tests: a sound young salaried borrower asking for an emergency loan. */
public final class Forms {

    /** The server's business date: an application is refused a day or more away from it. */
    public static final LocalDate TODAY = BusinessDate.today(Clock.systemUTC());

    private Forms() {
    }

    public static String idBornOn(String birth) {
        String seventeen = "110105" + birth.replace("-", "") + "002";
        return seventeen + ResidentId.checkCharacter(seventeen);
    }

    public static ApplicationForm emergency() {
        return new ApplicationForm("EMERGENCY", "3000.00", 3, "DAILY_ACCRUAL", "MONTHLY", TODAY,
                new ApplicationForm.Personal("张三", idBornOn("1996-05-04"), "13812345678", "6222021234567890123", null,
                        "lv_sdk_5f1c9e"),
                new ApplicationForm.Finances("12000.00", "3500.00", "80000.00", "0.00", "6000.00", new BigDecimal("8"),
                        "OWNER", "MARRIED", "FIXED", null),
                new ApplicationForm.Consent("2026-01", Instant.parse("2026-11-22T08:00:00Z")), null);
    }

    /**
     * The same form from somebody else, born the same day and of the same sex (so every rule decides the
     * same): a new person, an ID number nobody else in the run has, for the limits per person.
     */
    public static ApplicationForm ofSomeoneElse(ApplicationForm f) {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        String id = f.personal().idNumber();
        // the region and the first two digits of the sequence differ; the birth date and the sex digit stay
        String seventeen = "11" + String.format("%04d", random.nextInt(10_000)) + id.substring(6, 14)
                + String.format("%02d", random.nextInt(100)) + id.charAt(16);
        return withIdNumber(f, seventeen + ResidentId.checkCharacter(seventeen));
    }

    public static ApplicationForm withIdNumber(ApplicationForm f, String idNumber) {
        ApplicationForm.Personal p = f.personal();
        return new ApplicationForm(f.productCode(), f.amount(), f.termMonths(), f.method(), f.frequency(),
                f.applicationDate(), new ApplicationForm.Personal(p.name(), idNumber, p.mobile(), p.bankAccount(),
                p.creditCode(), p.livenessToken()), f.finances(), f.consent(), f.payee());
    }

    public static ApplicationForm withBankAccount(ApplicationForm f, String bankAccount) {
        ApplicationForm.Personal p = f.personal();
        return new ApplicationForm(f.productCode(), f.amount(), f.termMonths(), f.method(), f.frequency(),
                f.applicationDate(), new ApplicationForm.Personal(p.name(), p.idNumber(), p.mobile(), bankAccount,
                p.creditCode(), p.livenessToken()), f.finances(), f.consent(), f.payee());
    }

    public static ApplicationForm withMobile(ApplicationForm f, String mobile) {
        ApplicationForm.Personal p = f.personal();
        return new ApplicationForm(f.productCode(), f.amount(), f.termMonths(), f.method(), f.frequency(),
                f.applicationDate(), new ApplicationForm.Personal(p.name(), p.idNumber(), mobile, p.bankAccount(),
                p.creditCode(), p.livenessToken()), f.finances(), f.consent(), f.payee());
    }

    public static ApplicationForm withAmount(ApplicationForm f, String amount, int termMonths, String method) {
        return new ApplicationForm(f.productCode(), amount, termMonths, method, f.frequency(), f.applicationDate(),
                f.personal(), f.finances(), f.consent(), f.payee());
    }

    public static ApplicationForm datedOn(ApplicationForm f, LocalDate date) {
        return new ApplicationForm(f.productCode(), f.amount(), f.termMonths(), f.method(), f.frequency(), date,
                f.personal(), f.finances(), f.consent(), f.payee());
    }

    /** The form for another product; for one paid to a merchant or school (受托支付), naming one. */
    public static ApplicationForm withProduct(ApplicationForm f, String product) {
        ApplicationForm.Payee payee = switch (product) {
            case "RENOVATION" -> MERCHANT;
            case "EDUCATION" -> new ApplicationForm.Payee("北京市第一职业学校", "6217000010001234567", "121100004000000001");
            default -> null;
        };
        return withPayee(new ApplicationForm(product, f.amount(), f.termMonths(), f.method(), f.frequency(),
                f.applicationDate(), f.personal(), f.finances(), f.consent(), f.payee()), payee);
    }

    /** A renovation company, with a valid credit code and its own account. */
    public static final ApplicationForm.Payee MERCHANT =
            new ApplicationForm.Payee("北京好家装饰工程有限公司", "6217000010009876543", "91110108MA01ABCD1E");

    public static ApplicationForm withPayee(ApplicationForm f, ApplicationForm.Payee payee) {
        return new ApplicationForm(f.productCode(), f.amount(), f.termMonths(), f.method(), f.frequency(),
                f.applicationDate(), f.personal(), f.finances(), f.consent(), payee);
    }
}
