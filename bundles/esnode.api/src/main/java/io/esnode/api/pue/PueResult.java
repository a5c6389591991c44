package io.esnode.api.pue;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One evaluation of a PUE scope. Valid: every value is present. Absent (no IT or no facility reading): no values,
 * {@link #absentReason()} says why, and nothing is counted. Invalid: no ratio, efficiency or overhead,
 * {@link #invalidReason()} says why (the totals are kept for diagnosis).
 */
public record PueResult(String scope, OptionalDouble ratio, OptionalDouble itWatts, OptionalDouble facilityWatts,
                        OptionalDouble efficiencyPercent, OptionalDouble overheadWatts,
                        Optional<String> invalidReason, Optional<String> absentReason) {

    public static final String NO_IT = "no_it";
    public static final String NO_FACILITY = "no_facility";
    public static final String IT_NOT_POSITIVE = "it_not_positive";
    public static final String FACILITY_BELOW_IT = "facility_below_it";
    public static final String RATIO_ABOVE_MAX = "ratio_above_max";
    public static final String NOT_FINITE = "not_finite";

    public static PueResult valid(String scope, double ratio, double it, double facility, double efficiency,
                                  double overhead) {
        return new PueResult(scope, OptionalDouble.of(ratio), OptionalDouble.of(it), OptionalDouble.of(facility),
                OptionalDouble.of(efficiency), OptionalDouble.of(overhead), Optional.empty(), Optional.empty());
    }

    public static PueResult absent(String scope, String reason) {
        return new PueResult(scope, OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
                OptionalDouble.empty(), OptionalDouble.empty(), Optional.empty(), Optional.of(reason));
    }

    public static PueResult invalid(String scope, String reason, double it, double facility) {
        return new PueResult(scope, OptionalDouble.empty(), OptionalDouble.of(it), OptionalDouble.of(facility),
                OptionalDouble.empty(), OptionalDouble.empty(), Optional.of(reason), Optional.empty());
    }

    public boolean isValid() {
        return ratio.isPresent();
    }

    public boolean isInvalid() {
        return invalidReason.isPresent();
    }
}
