package org.microloan.origination.intake;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.microloan.origination.store.ApplicationStore;
import org.microloan.origination.store.StoredApplication;
import org.microloan.testing.DynamoDbLocal;
import org.microloan.testing.Forms;
import org.microloan.workflow.ApplicationStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

@QuarkusTest
@QuarkusTestResource(DynamoDbLocal.class)
class ApplicationIntakeTest {

    @Inject
    ApplicationIntake intake;

    @Inject
    ApplicationStore store;

    @Test
    void aSoundForm_isStoredReceived_withThePersonalPartSealed() {
        String id = UUID.randomUUID().toString();

        intake.submit(id, "borrower-1", Forms.emergency(), Instant.now());

        StoredApplication stored = store.find(id).orElseThrow();
        assertThat(stored.status()).isEqualTo(ApplicationStatus.RECEIVED);
        assertThat(stored.facts()).contains("EMERGENCY").doesNotContain("13812345678").doesNotContain("张三")
                .doesNotContain(Forms.emergency().personal().idNumber());
        assertThat(new String(stored.personal(), StandardCharsets.ISO_8859_1)).doesNotContain("1381234");
        assertThat(intake.open(stored).personal().mobile()).isEqualTo("13812345678");
        assertThat(intake.creditApplication(stored).amount()).hasToString("3000.00");
    }

    @Test
    void aBadForm_namesEveryBadField_andStoresNothing() {
        String id = UUID.randomUUID().toString();
        ApplicationForm bad = Forms.withProduct(Forms.withAmount(Forms.withIdNumber(Forms.emergency(), "123"),
                "30.001", 0, "MONTHLY"), "MORTGAGE");

        assertThatThrownBy(() -> intake.submit(id, "borrower-1", bad, Instant.now()))
                .isInstanceOfSatisfying(InvalidApplicationException.class, e -> assertThat(e.problems())
                        .extracting(Problem::field)
                        .containsExactly("/productCode", "/amount", "/termMonths", "/method", "/personal/idNumber"));
        assertThat(store.find(id)).isEmpty();
    }

    @Test
    void aRenovationApplication_namesTheMerchant_sealed_andNeverTheBorrowersOwnAccount() {
        ApplicationForm renovation = Forms.withProduct(Forms.emergency(), "RENOVATION");
        String id = UUID.randomUUID().toString();

        intake.submit(id, "borrower-1", renovation, Instant.now());

        StoredApplication stored = store.find(id).orElseThrow();
        assertThat(stored.facts()).doesNotContain(Forms.MERCHANT.account());
        assertThat(intake.open(stored).payee()).isEqualTo(Forms.MERCHANT);
        assertThat(intake.problems(Forms.withPayee(renovation, null))).extracting(Problem::field).containsExactly("/payee");
        assertThat(intake.problems(Forms.withPayee(renovation, new ApplicationForm.Payee(" ",
                Forms.emergency().personal().bankAccount(), "91110108MA01ABCD1X"))))
                .extracting(Problem::field, Problem::detail).containsExactly(
                        tuple("/payee/name", "send the merchant's registered name"),
                        tuple("/payee/account", "send the merchant's own account: RENOVATION is never paid to the "
                                + "borrower's account"),
                        tuple("/payee/creditCode", "The unified social credit code's check character is wrong: send the "
                                + "merchant's 18-character unified social credit code (统一社会信用代码)"));
        assertThat(intake.problems(Forms.withPayee(Forms.emergency(), Forms.MERCHANT))).extracting(Problem::detail)
                .containsExactly("EMERGENCY is paid to the borrower's own account: send no payee");
    }

    @Test
    void anApplication_isShownMasked_withoutOpeningTheSealedPart_andOneTakenBeforeIsOpenedAndMasked() {
        String id = UUID.randomUUID().toString();
        intake.submit(id, "borrower-1", Forms.withProduct(Forms.emergency(), "RENOVATION"), Instant.now());
        StoredApplication stored = store.find(id).orElseThrow();
        String id17 = Forms.emergency().personal().idNumber();
        MaskedForm expected = new MaskedForm(new MaskedForm.MaskedPersonal("张*", id17.substring(0, 6) + "********"
                + id17.substring(14), "138****5678", "***************0123"),
                new MaskedForm.MaskedPayee("北京好家装饰工程有限公司", "91110108MA01ABCD1E", "***************6543"));
        assertThat(stored.masked()).doesNotContain("13812345678").doesNotContain(Forms.emergency().personal().idNumber())
                .doesNotContain(Forms.MERCHANT.account());

        StoredApplication unopenable = new StoredApplication(id, stored.borrowerId(), stored.status(), stored.version(),
                stored.createdAt(), stored.facts(), new byte[] {1, 2, 3}, stored.masked(), stored.results(),
                stored.personKey(), null);
        assertThat(intake.masked(unopenable)).isEqualTo(expected);
        StoredApplication takenBefore = new StoredApplication(id, stored.borrowerId(), stored.status(), stored.version(),
                stored.createdAt(), stored.facts(), stored.personal(), null, stored.results(), stored.personKey(), null);
        assertThat(intake.masked(takenBefore)).isEqualTo(expected);
    }

    @Test
    void aProductThatNeedsLiveness_refusesAnApplicationWithoutTheSdksToken() {
        ApplicationForm.Personal p = Forms.emergency().personal();
        ApplicationForm f = Forms.emergency();
        ApplicationForm without = new ApplicationForm(f.productCode(), f.amount(), f.termMonths(), f.method(), f.frequency(),
                f.applicationDate(), new ApplicationForm.Personal(p.name(), p.idNumber(), p.mobile(), p.bankAccount(),
                p.creditCode(), " "), f.finances(), f.consent(), null);

        assertThatThrownBy(() -> intake.submit(UUID.randomUUID().toString(), "borrower-1", without, Instant.now()))
                .isInstanceOfSatisfying(InvalidApplicationException.class, e -> assertThat(e.problems())
                        .extracting(Problem::field).containsExactly("/personal/livenessToken"));
    }

    @Test
    void aClientDateMoreThanADayFromTheServers_isRefused_andTheServersDateDecides() {
        // 16:30 UTC on 1 December is 00:30 on the 2nd in China
        Instant now = Instant.parse("2026-12-01T16:30:00Z");
        String ahead = UUID.randomUUID().toString();
        String behind = UUID.randomUUID().toString();
        String utcDate = UUID.randomUUID().toString();

        assertThatThrownBy(() -> intake.submit(ahead, "borrower-1",
                Forms.datedOn(Forms.emergency(), LocalDate.parse("2027-12-02")), now))
                .isInstanceOfSatisfying(InvalidApplicationException.class, e -> assertThat(e.problems()).containsExactly(
                        new Problem("/applicationDate", "send today's date, 2026-12-02 in China time, not 2027-12-02: "
                                + "an application is decided on the server's date")));
        assertThatThrownBy(() -> intake.submit(behind, "borrower-1",
                Forms.datedOn(Forms.emergency(), LocalDate.parse("2026-11-29")), now))
                .isInstanceOf(InvalidApplicationException.class);
        intake.submit(utcDate, "borrower-1", Forms.datedOn(Forms.emergency(), LocalDate.parse("2026-12-01")), now);

        assertThat(store.find(ahead)).isEmpty();
        assertThat(intake.creditApplication(store.find(utcDate).orElseThrow()).applicationDate())
                .as("a phone still on the 1st in another zone is taken, and decided on the server's date")
                .isEqualTo(LocalDate.parse("2026-12-02"));
    }
}
