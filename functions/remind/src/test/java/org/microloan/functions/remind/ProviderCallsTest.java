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
        long before = System.nanoTime();

        ProviderCalls.Ended<Integer> ended = calls.each(List.of(0, 1, 2, 3, 4, 5), i -> {
            startedAt.put(i, System.nanoTime());
            if (i == 2) {
                throw new IllegalStateException("the provider refused call 2");
            }
            return i * 10;
        });

        assertThat(ended.answers()).containsExactly(0, 10, 30, 40, 50);
        assertThat(ended.failure()).hasValueSatisfying(e -> assertThat(e).hasMessage("the provider refused call 2"));
        // 20 a second: the i-th call starts i twentieths of a second after the calls began, at the earliest
        for (int i = 0; i < 6; i++) {
            assertThat(startedAt.get(i) - before).as("call %d", i).isGreaterThanOrEqualTo(i * 50_000_000L);
        }
    }

    @Test
    void aRateOrAConcurrencyBelowOne_isRefusedNamingTheProvider() {
        assertThatThrownBy(() -> new ProviderCalls("remind-sms", 0, 16)).hasMessageContaining("remind-sms")
                .hasMessageContaining("0 and 16");
    }
}
