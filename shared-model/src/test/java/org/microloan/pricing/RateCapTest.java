package org.microloan.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class RateCapTest {

    private static final LprTable LPR = LprTable.published();

    @Test
    void fourTimesLpr_refusesEighteenPercentIn2026() {
        RateCap.CapCheck check = RateCap.of(CapBasis.LPR4X, LPR).check(new BigDecimal("0.18"), LocalDate.parse("2026-11-22"));

        assertThat(check.allowed()).isFalse();
        assertThat(check.cap()).isEqualByComparingTo("0.12");
        assertThat(check.rule()).isEqualTo("4 x LPR 3.00% on 2026-11-22");
        assertThat(check.excess()).isEqualByComparingTo("0.06");
    }

    @Test
    void fourTimesLpr_allowsTheCapItself() {
        assertThat(RateCap.of(CapBasis.LPR4X, LPR).check(new BigDecimal("0.12"), LocalDate.parse("2025-05-20")).allowed())
                .isTrue();
    }

    @Test
    void fourTimesLpr_usesTheLprInForceOnTheContractDate() {
        assertThat(RateCap.of(CapBasis.LPR4X, LPR).on(LocalDate.parse("2025-05-19")).rate()).isEqualByComparingTo("0.124");
        assertThat(RateCap.of(CapBasis.LPR4X, LPR).on(LocalDate.parse("2024-08-01")).rule())
                .isEqualTo("4 x LPR 3.35% on 2024-08-01");
    }

    @Test
    void fixed24_allowsEighteenPercent() {
        RateCap.CapCheck check = RateCap.of(CapBasis.FIXED24, LPR).check(new BigDecimal("0.18"), LocalDate.parse("2026-11-22"));

        assertThat(check.allowed()).isTrue();
        assertThat(check.rule()).isEqualTo("24% comprehensive cost");
    }

    @Test
    void contractBeforeTheTable_saysWhatToDo() {
        assertThatThrownBy(() -> RateCap.of(CapBasis.LPR4X, LPR).on(LocalDate.parse("2011-09-20")))
                .hasMessage("no LPR is configured for 2011-09-20: the table starts on 2019-08-20;"
                        + " use the FIXED24 basis or a table that covers the date");
    }

    @Test
    void lprTable_badLine_namesItAndTheFormat() {
        assertThatThrownBy(() -> LprTable.parse("2025-05-20 3.00\n2025-13-01 2.90\n"))
                .hasMessage("LPR table line 2 '2025-13-01 2.90' is not 'YYYY-MM-DD PERCENT', e.g. '2025-05-20 3.00'");
    }
}
