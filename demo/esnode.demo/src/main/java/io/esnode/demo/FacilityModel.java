package io.esnode.demo;

import java.util.List;

/**
 * The simulated data centre: four racks, a facility main meter, inlet temperatures and room humidity, each a
 * slowly varying, deterministic function of time so that PUE (facility / IT power) stays between 1.3 and 1.8.
 */
final class FacilityModel {
    static final List<String> RACKS = List.of("r1", "r2", "r3", "r4");
    private static final double[] RACK_BASE_WATTS = {32_000, 28_000, 24_000, 20_000};

    /** One rack's IT power in watts: its base ±15 %, each rack on its own period. */
    double rackWatts(int rack, double seconds) {
        double period = 300 + 60 * rack;
        return round1(RACK_BASE_WATTS[rack] * (1 + 0.15 * Math.sin(2 * Math.PI * seconds / period + rack)));
    }

    double itWatts(double seconds) {
        double sum = 0;
        for (int r = 0; r < RACKS.size(); r++) {
            sum += rackWatts(r, seconds);
        }
        return sum;
    }

    /** Between 1.55 - 0.23 = 1.32 and 1.55 + 0.23 = 1.78. */
    double pue(double seconds) {
        return 1.55 + 0.2 * Math.sin(2 * Math.PI * seconds / 600) + 0.03 * Math.sin(2 * Math.PI * seconds / 47);
    }

    /** The facility main meter in kW: all IT power times the PUE. */
    double facilityKilowatts(double seconds) {
        return round1(itWatts(seconds) * pue(seconds) / 1000);
    }

    /** Rack inlet temperature in °C, 21.0 to 24.9. */
    double inletCelsius(int rack, double seconds) {
        return round1(22.5 + 0.3 * rack + 1.5 * Math.sin(2 * Math.PI * seconds / (420 + 30 * rack)));
    }

    /** Room relative humidity in %, 40 to 50. */
    double humidityPercent(double seconds) {
        return round1(45 + 5 * Math.sin(2 * Math.PI * seconds / 900));
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
