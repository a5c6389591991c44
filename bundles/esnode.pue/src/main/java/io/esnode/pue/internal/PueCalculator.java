package io.esnode.pue.internal;

import io.esnode.api.PueRole;
import io.esnode.api.pue.PueResult;
import java.util.List;

/** PUE arithmetic: facility power / IT power from already selected inputs, with the validity rules. */
public final class PueCalculator {
    public static final double DEFAULT_MAX_RATIO = 10.0;
    private final double maxRatio;

    public PueCalculator(double maxRatio) {
        if (!(maxRatio >= 1.0) || Double.isInfinite(maxRatio)) {
            throw new IllegalArgumentException("max_ratio must be a finite number >= 1, not " + maxRatio);
        }
        this.maxRatio = maxRatio;
    }

    /** Sums the inputs still fresh at {@code nowMillis} (age <= ttl) per role and judges the ratio. */
    public PueResult evaluate(String scope, List<PueInput> inputs, long nowMillis) {
        double it = 0;
        double facility = 0;
        int itCount = 0;
        int facilityCount = 0;
        for (PueInput in : inputs) {
            if (nowMillis - in.timestampMillis() > in.ttlMillis()) {
                continue;
            }
            if (in.role() == PueRole.IT) {
                it += in.watts();
                itCount++;
            } else if (in.role() == PueRole.FACILITY) {
                facility += in.watts();
                facilityCount++;
            }
        }
        if (itCount == 0) {
            return PueResult.absent(scope, PueResult.NO_IT);
        }
        if (facilityCount == 0) {
            return PueResult.absent(scope, PueResult.NO_FACILITY);
        }
        if (!Double.isFinite(it) || !Double.isFinite(facility)) {
            return PueResult.invalid(scope, PueResult.NOT_FINITE, it, facility);
        }
        if (it <= 0) {
            return PueResult.invalid(scope, PueResult.IT_NOT_POSITIVE, it, facility);
        }
        if (facility < it) {
            return PueResult.invalid(scope, PueResult.FACILITY_BELOW_IT, it, facility);
        }
        double ratio = facility / it;
        if (ratio > maxRatio) {
            return PueResult.invalid(scope, PueResult.RATIO_ABOVE_MAX, it, facility);
        }
        return PueResult.valid(scope, ratio, it, facility, it / facility * 100.0, facility - it);
    }
}
