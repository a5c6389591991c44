package io.esnode.pue.internal;

import io.esnode.api.PueRole;

/** One selected power reading: its role, value in watts, when it was measured and how long it stays valid. */
public record PueInput(PueRole role, double watts, long timestampMillis, long ttlMillis) {
}
