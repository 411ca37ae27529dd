package org.microloan.functions.remind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;

class ProviderCallsTest {

    @Test
    void callsStartNoFasterThanTheProvidersRate_andEveryOneEnds_evenAfterOneFails() {
        ProviderCalls calls = new ProviderCalls("test-provider", 20, 4);
        Map<Integer, Long> startedAt = new ConcurrentHashMap<>();

        ProviderCalls.Ended<Integer> ended = calls.each(List.of(0, 1, 2, 3, 4, 5), i -> {
            startedAt.put(i, System.nanoTime());
            if (i == 2) {
                throw new IllegalStateException("the provider refused call 2");
            }
            return i * 10;
        });

        assertThat(ended.answers()).containsExactly(0, 10, 30, 40, 50);
        assertThat(ended.failure()).hasValueSatisfying(e -> assertThat(e).hasMessage("the provider refused call 2"));
        // 20 a second: the sixth call starts a quarter of a second after the first at the earliest
        assertThat(startedAt.get(5) - startedAt.get(0)).isGreaterThanOrEqualTo(250_000_000L);
    }

    @Test
    void aRateOrAConcurrencyBelowOne_isRefusedNamingTheProvider() {
        assertThatThrownBy(() -> new ProviderCalls("remind-sms", 0, 16)).hasMessageContaining("remind-sms")
                .hasMessageContaining("0 and 16");
    }
}
