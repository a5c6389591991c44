package io.esnode.api.pue;

import io.esnode.api.Reading;
import java.util.List;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/** Read-only view of one PUE scope, registered as a service by the PUE bundle for consoles. */
@ProviderType
public interface PueView {

    String scope();

    /** Evaluates the scope now from the store's fresh readings (counts nothing). */
    PueResult current();

    /** The fresh readings currently selected as IT power (values in watts). */
    List<Reading> itInputs();

    /** The fresh readings currently selected as facility power (values in watts). */
    List<Reading> facilityInputs();

    /** Invalid evaluations by reason since activation. */
    Map<String, Long> invalidCounts();
}
