package io.esnode.pue;

import java.util.Map;

/** Read-only view of one PUE scope, registered as a service for a console. */
public interface PueView {

    String scope();

    /** Evaluates the scope now from the store's fresh readings (counts nothing). */
    PueResult current();

    /** Invalid evaluations by reason since activation. */
    Map<String, Long> invalidCounts();
}
