package org.microloan.origination.intake;

import io.quarkus.runtime.annotations.RegisterForReflection;
import org.microloan.identity.UnifiedSocialCreditCode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.microloan.configuration.Settings;
import org.microloan.decision.CreditApplication;
import org.microloan.identity.MobileNumber;
import org.microloan.identity.PersonKey;
import org.microloan.money.Money;
import org.microloan.origination.crypto.PersonalDataCipher;
import org.microloan.origination.store.ApplicationStore;
import org.microloan.origination.store.StoredApplication;
import org.microloan.product.CustomerType;
import org.microloan.product.Product;
import org.microloan.product.ProductCatalogue;
import org.microloan.schedule.BusinessDate;
import org.microloan.schedule.Frequency;
import org.microloan.schedule.RepaymentMethod;
import org.microloan.workflow.ApplicationStatus;

/**
 * Takes an application in: checks every field (all problems at once, each named), seals the personal
 * part, stores it RECEIVED. And gives it back to the steps as shared-model's {@link CreditApplication}.
 */
@ApplicationScoped
public class ApplicationIntake {

    private static final Pattern ID_SHAPE = Pattern.compile("\\d{17}[\\dXx]|\\d{15}");
    private static final Pattern ACCOUNT_SHAPE = Pattern.compile("\\d{12,30}");

    private final ApplicationStore store;
    private final PersonalDataCipher cipher;
    private final ObjectMapper json;
    private final ProductCatalogue products;
    private final int dateToleranceDays;
    private final Optional<byte[]> personKeySecret;

    public ApplicationIntake(ApplicationStore store, PersonalDataCipher cipher, ObjectMapper json, ProductCatalogue products,
                             Settings settings) {
        this.store = store;
        this.cipher = cipher;
        this.json = json;
        this.products = products;
        this.dateToleranceDays = settings.origination().applicationDateToleranceDays();
        this.personKeySecret = settings.personKey().secret().map(Base64.getDecoder()::decode);
    }

    /**
     * Checks and stores; the stored application, RECEIVED. It is dated with the server's business date of
     * {@code now}: every rule (age, bands, the LPR) is decided on that, never on the client's date.
     */
    public StoredApplication submit(String applicationId, String borrowerId, ApplicationForm form, Instant now) {
        LocalDate today = BusinessDate.of(now);
        List<Problem> problems = new ArrayList<>(problems(form));
        if (form != null && form.applicationDate() != null
                && Math.abs(ChronoUnit.DAYS.between(today, form.applicationDate())) > dateToleranceDays) {
            problems.add(new Problem("/applicationDate", "send today's date, " + today + " in China time, not "
                    + form.applicationDate() + ": an application is decided on the server's date"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidApplicationException(problems);
        }
        ApplicationForm facts = new ApplicationForm(form.productCode(), form.amount(), form.termMonths(), form.method(),
                form.frequency(), today, null, form.finances(), form.consent(), null);
        byte[] sealed = cipher.seal(write(new Sealed(form.personal(), form.payee())).getBytes(StandardCharsets.UTF_8),
                applicationId);
        StoredApplication application = new StoredApplication(applicationId, borrowerId, ApplicationStatus.RECEIVED, 1,
                now, write(facts), sealed, write(MaskedForm.of(form.personal(), form.payee())), Map.of(),
                personKey(form).value(), null);
        store.create(application);
        return application;
    }

    /**
     * Who the borrower is, whichever account or partner the application came through: the ID number, or
     * for a business product the unified social credit code, keyed with the platform's secret.
     */
    private PersonKey personKey(ApplicationForm form) {
        byte[] secret = personKeySecret.orElseThrow(() -> new IllegalStateException(
                "set microloan.person-key.secret (MICROLOAN_PERSON_KEY_SECRET): applications are counted per person"));
        boolean business = products.get(form.productCode()).customer() == CustomerType.BUSINESS;
        String creditCode = form.personal().creditCode();
        return PersonKey.of(secret, business && creditCode != null && !creditCode.isBlank() ? "USCC:" + creditCode
                : form.personal().idNumber());
    }

    /** The application's facts without its personal part: nothing is unsealed. */
    public ApplicationForm facts(StoredApplication stored) {
        return read(stored.facts(), ApplicationForm.class);
    }

    /** The application with its personal part (and payee) opened, for a step that needs it. */
    public ApplicationForm open(StoredApplication stored) {
        ApplicationForm facts = facts(stored);
        String text = new String(cipher.open(stored.personal(), stored.applicationId()), StandardCharsets.UTF_8);
        // sealed before payees were named, an application held its personal part alone
        Sealed sealed = text.contains("\"personal\"") ? read(text, Sealed.class)
                : new Sealed(read(text, ApplicationForm.Personal.class), null);
        return new ApplicationForm(facts.productCode(), facts.amount(), facts.termMonths(), facts.method(),
                facts.frequency(), facts.applicationDate(), sealed.personal(), facts.finances(), facts.consent(),
                sealed.payee());
    }

    /** What of the sealed part may be shown, masked; opened and masked for an application taken before it was kept. */
    public MaskedForm masked(StoredApplication stored) {
        if (stored.masked() != null) {
            return read(stored.masked(), MaskedForm.class);
        }
        ApplicationForm opened = open(stored);
        return MaskedForm.of(opened.personal(), opened.payee());
    }

    /** What is sealed of an application: the person, and the merchant or school paid for them. */
    @RegisterForReflection
    record Sealed(ApplicationForm.Personal personal, ApplicationForm.Payee payee) {
    }

    /** As shared-model decides on it. */
    public CreditApplication creditApplication(StoredApplication stored) {
        return creditApplication(open(stored));
    }

    /** As shared-model decides on it, from the form a step has already opened: each opening is a KMS Decrypt in AWS. */
    public CreditApplication creditApplication(ApplicationForm f) {
        ApplicationForm.Finances m = f.finances();
        return new CreditApplication(f.productCode(), Money.of(f.amount()), f.termMonths(), RepaymentMethod.valueOf(f.method()),
                f.frequency() == null ? Frequency.MONTHLY : Frequency.valueOf(f.frequency()), f.applicationDate(),
                f.personal().idNumber(), f.personal().mobile(), Optional.ofNullable(f.personal().creditCode()),
                Money.of(m.monthlyIncome()), Money.of(m.monthlyExpenses()), Money.of(m.assets()), Money.of(m.debt()),
                Money.of(m.priceOfGoods()), m.seniorityYears(), CreditApplication.Home.valueOf(m.home()),
                CreditApplication.Marital.valueOf(m.marital()), CreditApplication.Job.valueOf(m.job()), false,
                Optional.ofNullable(m.monthlyBusinessFlows()).map(Money::of));
    }

    public List<Problem> problems(ApplicationForm form) {
        List<Problem> problems = new ArrayList<>();
        Consumer<Problem> add = problems::add;
        if (form == null) {
            return List.of(new Problem("", "send the application as a JSON object"));
        }
        if (form.productCode() == null || products.find(form.productCode()).isEmpty()) {
            add.accept(new Problem("/productCode", "send one of " + products.products().keySet().stream().sorted().toList()));
        }
        amount("/amount", form.amount(), true, add);
        if (form.termMonths() == null || form.termMonths() < 1) {
            add.accept(new Problem("/termMonths", "send the term in whole months, 1 or more"));
        }
        oneOf("/method", form.method(), RepaymentMethod.class, true, add);
        oneOf("/frequency", form.frequency(), Frequency.class, false, add);
        if (form.applicationDate() == null) {
            add.accept(new Problem("/applicationDate", "send the date of the application, YYYY-MM-DD"));
        }
        ApplicationForm.Personal p = form.personal();
        if (p == null) {
            add.accept(new Problem("/personal", "send name, idNumber, mobile and bankAccount"));
        } else {
            if (p.name() == null || p.name().isBlank()) {
                add.accept(new Problem("/personal/name", "send the name on the ID card"));
            }
            if (p.idNumber() == null || !ID_SHAPE.matcher(p.idNumber()).matches()) {
                add.accept(new Problem("/personal/idNumber", "send the 18-character resident ID number"));
            }
            if (!MobileNumber.check(p.mobile()).isEmpty()) {
                add.accept(new Problem("/personal/mobile", "send an 11-digit mainland mobile number starting 13-19"));
            }
            if (p.bankAccount() == null || !ACCOUNT_SHAPE.matcher(p.bankAccount()).matches()) {
                add.accept(new Problem("/personal/bankAccount", "send the account number, 12 to 30 digits"));
            }
            boolean livenessRequired = form.productCode() != null && products.find(form.productCode())
                    .map(Product::livenessRequired).orElse(false);
            if (livenessRequired && (p.livenessToken() == null || p.livenessToken().isBlank())) {
                add.accept(new Problem("/personal/livenessToken", "send the token the KYC vendor's SDK gave the app "
                        + "after its liveness check: this product needs one"));
            }
        }
        payeeProblems(form, add);
        ApplicationForm.Finances m = form.finances();
        if (m == null) {
            add.accept(new Problem("/finances", "send monthlyIncome, monthlyExpenses, assets, debt, priceOfGoods,"
                    + " seniorityYears, home, marital and job"));
        } else {
            amount("/finances/monthlyIncome", m.monthlyIncome(), false, add);
            amount("/finances/monthlyExpenses", m.monthlyExpenses(), false, add);
            amount("/finances/assets", m.assets(), false, add);
            amount("/finances/debt", m.debt(), false, add);
            amount("/finances/priceOfGoods", m.priceOfGoods(), false, add);
            if (m.monthlyBusinessFlows() != null) {
                amount("/finances/monthlyBusinessFlows", m.monthlyBusinessFlows(), false, add);
            }
            if (m.seniorityYears() == null || m.seniorityYears().signum() < 0) {
                add.accept(new Problem("/finances/seniorityYears", "send the years with the current employer, 0 or more"));
            }
            oneOf("/finances/home", m.home(), CreditApplication.Home.class, true, add);
            oneOf("/finances/marital", m.marital(), CreditApplication.Marital.class, true, add);
            oneOf("/finances/job", m.job(), CreditApplication.Job.class, true, add);
        }
        if (form.consent() == null || form.consent().version() == null || form.consent().acceptedAt() == null) {
            add.accept(new Problem("/consent", "send the version of the terms agreed to and when (acceptedAt)"));
        }
        return problems;
    }

    /** 受托支付: a product paid to a merchant or school names it, and never the borrower's own account. */
    private void payeeProblems(ApplicationForm form, Consumer<Problem> add) {
        Optional<Product.PaidTo> paidTo = Optional.ofNullable(form.productCode()).flatMap(products::find)
                .map(Product::paidTo);
        if (paidTo.isEmpty()) {
            return;
        }
        ApplicationForm.Payee payee = form.payee();
        if (!paidTo.get().entrusted()) {
            if (payee != null) {
                add.accept(new Problem("/payee", form.productCode() + " is paid to the borrower's own account: send no payee"));
            }
            return;
        }
        String whom = paidTo.get() == Product.PaidTo.SCHOOL ? "school" : "merchant";
        if (payee == null) {
            add.accept(new Problem("/payee", form.productCode() + " is paid to the " + whom + ", not the borrower: send "
                    + "the " + whom + "'s name, account and creditCode"));
            return;
        }
        if (payee.name() == null || payee.name().isBlank()) {
            add.accept(new Problem("/payee/name", "send the " + whom + "'s registered name"));
        }
        if (payee.account() == null || !ACCOUNT_SHAPE.matcher(payee.account()).matches()) {
            add.accept(new Problem("/payee/account", "send the " + whom + "'s account number, 12 to 30 digits"));
        } else if (form.personal() != null && payee.account().equals(form.personal().bankAccount())) {
            add.accept(new Problem("/payee/account", "send the " + whom + "'s own account: " + form.productCode()
                    + " is never paid to the borrower's account"));
        }
        UnifiedSocialCreditCode.check(payee.creditCode()).stream().findFirst().ifPresent(failure -> add.accept(
                new Problem("/payee/creditCode", failure.en() + ": send the " + whom
                        + "'s 18-character unified social credit code (统一社会信用代码)")));
    }

    private static void amount(String field, String value, boolean positive, Consumer<Problem> add) {
        try {
            Money money = Money.of(value == null ? "" : value);
            if (positive ? !money.isPositive() : money.isNegative()) {
                add.accept(new Problem(field, "send an amount " + (positive ? "above 0" : "of 0 or more")));
            }
        } catch (IllegalArgumentException e) {
            add.accept(new Problem(field, "send an amount in yuan with at most 2 decimals, e.g. \"3000.00\""));
        }
    }

    private static <E extends Enum<E>> void oneOf(String field, String value, Class<E> type, boolean required,
                                                  Consumer<Problem> add) {
        if (value == null && !required) {
            return;
        }
        if (value == null || Arrays.stream(type.getEnumConstants()).noneMatch(e -> e.name().equals(value))) {
            add.accept(new Problem(field, "send one of " + Arrays.toString(type.getEnumConstants())));
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored application does not read as " + type.getSimpleName(), e);
        }
    }

}
