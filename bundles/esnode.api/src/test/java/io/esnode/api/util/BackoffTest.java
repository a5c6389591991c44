package io.esnode.api.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private static List<Long> delays(Backoff b, int n) {
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(b.nextDelayMillis());
        }
        return out;
    }

    @Test
    void doublesUpToTheMaximumWithJitterInTheUpperHalf() {
        // base = min(60000, 1000 * 2^n): 1000, 2000, 4000, …, 32000, 60000; delay = base/2 + r * base/2
        assertEquals(List.of(500L, 1000L, 2000L, 4000L, 8000L, 16000L, 30000L, 30000L),
                delays(new Backoff(1000, 60_000, () -> 0.0), 8));
        assertEquals(List.of(1000L, 2000L, 4000L, 8000L, 16000L, 32000L, 60000L, 60000L),
                delays(new Backoff(1000, 60_000, () -> 1.0), 8));
        // r = 0.5: 3/4 of the base
        assertEquals(List.of(750L, 1500L, 3000L), delays(new Backoff(1000, 60_000, () -> 0.5), 3));
    }

    @Test
    void resetStartsAgainFromTheMinimum() {
        Backoff b = new Backoff(200, 1000, () -> 1.0);
        assertEquals(List.of(200L, 400L, 800L, 1000L), delays(b, 4));
        b.reset();
        assertEquals(200L, b.nextDelayMillis());
    }

    @Test
    void manyAttemptsDoNotOverflow() {
        Backoff b = new Backoff(1, 5000, () -> 1.0);
        delays(b, 100);
        assertEquals(5000L, b.nextDelayMillis());
    }

    @Test
    void rejectsNonsenseBounds() {
        assertThrows(IllegalArgumentException.class, () -> new Backoff(0, 10, () -> 0));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(10, 5, () -> 0));
    }
}
