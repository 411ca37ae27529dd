package org.microloan.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class AcceptanceCodeTest {

    private static final AcceptanceCode.Rules RULES = new AcceptanceCode.Rules(Duration.ofMinutes(10), 5, 5);
    private static final Instant SENT = Instant.parse("2026-12-02T02:00:00Z");

    private static AcceptanceCode kept(AcceptanceCode.Drawn drawn, int wrong) {
        return new AcceptanceCode(1, SENT, drawn.salt(), drawn.digest(), wrong);
    }

    @Test
    void theCodeSent_holdsTenMinutes_onlyItsDigestIsKept() {
        AcceptanceCode.Drawn drawn = AcceptanceCode.draw(new SecureRandom());
        AcceptanceCode code = kept(drawn, 0);

        assertThat(drawn.code()).matches("\\d{6}");
        assertThat(code.digest()).doesNotContain(drawn.code()).hasSize(64);
        assertThat(code.check(drawn.code(), SENT.plusSeconds(599), RULES)).isEqualTo(AcceptanceCode.Check.MATCHES);
        assertThat(code.check(" " + drawn.code() + " ", SENT, RULES)).isEqualTo(AcceptanceCode.Check.MATCHES);
        assertThat(code.check(drawn.code(), SENT.plusSeconds(601), RULES)).isEqualTo(AcceptanceCode.Check.EXPIRED);
        assertThat(code.expiresAt(RULES)).isEqualTo(SENT.plusSeconds(600));
    }

    @Test
    void wrongCodes_count_andTheFifthVoidsTheOffer_evenForTheRightCodeAfter() {
        AcceptanceCode.Drawn drawn = AcceptanceCode.draw(new SecureRandom());
        String wrong = drawn.code().equals("000000") ? "000001" : "000000";

        assertThat(kept(drawn, 0).check(wrong, SENT, RULES)).isEqualTo(AcceptanceCode.Check.WRONG);
        assertThat(kept(drawn, 3).check(wrong, SENT, RULES)).isEqualTo(AcceptanceCode.Check.WRONG);
        assertThat(kept(drawn, 4).check(wrong, SENT, RULES)).isEqualTo(AcceptanceCode.Check.VOID);
        assertThat(kept(drawn, 4).check(null, SENT, RULES)).isEqualTo(AcceptanceCode.Check.VOID);
        assertThat(kept(drawn, 5).check(drawn.code(), SENT, RULES)).isEqualTo(AcceptanceCode.Check.VOID);
        assertThat(kept(drawn, 3).attemptsLeft(RULES)).isEqualTo(2);
    }
}
