package org.microloan.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class IdentityTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-11-22");

    @Test
    void residentId_publishedExample_isValid() {
        ResidentId.Check check = ResidentId.check("11010519491231002X", TODAY);

        assertThat(check.valid()).isTrue();
        ResidentId id = check.id().orElseThrow();
        assertThat(id.birthDate()).isEqualTo(LocalDate.parse("1949-12-31"));
        assertThat(id.sex()).isEqualTo(Sex.F);
        assertThat(id.masked()).isEqualTo("110105********002X");
        assertThat(id.ageOn(TODAY)).isEqualTo(76);
        assertThat(id.toString()).doesNotContain("19491231");
    }

    @Test
    void residentId_lowerCaseCheckCharacter_isAccepted() {
        assertThat(ResidentId.check("11010519491231002x", TODAY).valid()).isTrue();
    }

    @Test
    void residentId_alteredDigit_failsTheChecksum() {
        assertThat(ResidentId.check("11010519491231003X", TODAY).failures()).containsExactly(IdentityFailure.ID_CHECKSUM);
        assertThat(ResidentId.check("110105194912310021", TODAY).failures()).containsExactly(IdentityFailure.ID_CHECKSUM);
    }

    @Test
    void residentId_sexFromTheSequenceDigit() {
        // same person with an odd sequence digit: 0031 → male; check character recomputed
        String male = "1101051949123100" + "3";
        assertThat(ResidentId.check(male + ResidentId.checkCharacter(male), TODAY).id().orElseThrow().sex()).isEqualTo(Sex.M);
    }

    @Test
    void residentId_impossibleOrFutureBirthDate_isRefused() {
        String feb30 = "11010519490230002";
        String future = "11010520270101002";
        assertThat(ResidentId.check(feb30 + ResidentId.checkCharacter(feb30), TODAY).failures())
                .containsExactly(IdentityFailure.ID_BIRTH_DATE);
        assertThat(ResidentId.check(future + ResidentId.checkCharacter(future), TODAY).failures())
                .containsExactly(IdentityFailure.ID_BIRTH_DATE);
    }

    @Test
    void residentId_unknownProvince_isRefused() {
        String province99 = "99010519491231002";
        assertThat(ResidentId.check(province99 + ResidentId.checkCharacter(province99), TODAY).failures())
                .containsExactly(IdentityFailure.ID_PROVINCE);
    }

    @Test
    void residentId_fifteenDigitLegacyNumber_isConvertedTo18() {
        ResidentId id = ResidentId.check("110105491231002", TODAY).id().orElseThrow();

        assertThat(id.number()).isEqualTo("11010519491231002X");
        assertThat(id.birthDate()).isEqualTo(LocalDate.parse("1949-12-31"));
    }

    @Test
    void residentId_wrongLengthOrCharacters_isAFormatFailure() {
        assertThat(ResidentId.check("1101051949123100", TODAY).failures()).containsExactly(IdentityFailure.ID_FORMAT);
        assertThat(ResidentId.check("11010519491231002Y", TODAY).failures()).containsExactly(IdentityFailure.ID_FORMAT);
        assertThat(ResidentId.check(null, TODAY).failures()).containsExactly(IdentityFailure.ID_FORMAT);
    }

    @Test
    void uscc_publishedExample_isValid() {
        assertThat(UnifiedSocialCreditCode.check("91350100M000100Y43")).isEmpty();
    }

    @Test
    void uscc_alteredCharacter_failsTheChecksum() {
        assertThat(UnifiedSocialCreditCode.check("91350100M000100Y44")).containsExactly(IdentityFailure.USCC_CHECKSUM);
        assertThat(UnifiedSocialCreditCode.check("91350100M000101Y43")).containsExactly(IdentityFailure.USCC_CHECKSUM);
    }

    @Test
    void uscc_lettersOutsideTheAlphabet_areAFormatFailure() {
        // I, O, S, V and Z are not used
        assertThat(UnifiedSocialCreditCode.check("91350100M000100O43")).containsExactly(IdentityFailure.USCC_FORMAT);
        assertThat(UnifiedSocialCreditCode.check("91350100M000100Y4")).containsExactly(IdentityFailure.USCC_FORMAT);
    }

    @Test
    void mobile_elevenDigitsFrom13To19() {
        assertThat(MobileNumber.check("13812345678")).isEmpty();
        assertThat(MobileNumber.check("19912345678")).isEmpty();
        assertThat(MobileNumber.check("12812345678")).containsExactly(IdentityFailure.MOBILE_FORMAT);
        assertThat(MobileNumber.check("1381234567")).containsExactly(IdentityFailure.MOBILE_FORMAT);
    }

    @Test
    void mask_showsOnlyWhatIsNeededToRecogniseIt() {
        assertThat(Mask.idNumber("11010519491231002X")).isEqualTo("110105********002X");
        assertThat(Mask.mobile("13812345678")).isEqualTo("138****5678");
        assertThat(Mask.name("张三丰")).isEqualTo("张**");
        assertThat(Mask.bankAccount("6222021234567890123")).isEqualTo("***************0123");
        assertThat(Mask.mobile("123")).isEqualTo("***");
        assertThat(Mask.digitRuns("bureau refused 11010519491231002X, code 4031"))
                .isEqualTo("bureau refused *************1002X, code 4031");
    }
}
