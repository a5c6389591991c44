package io.esnode.metrics.internal;

import io.esnode.api.MetricType;
import io.esnode.api.Point;
import io.esnode.api.Quantity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a point's series look like on /metrics, worked out once per point per scrape: family and sample name, type,
 * unit, help, and the label names and values that come from the point (everything but the run-time labels).
 *
 * @param refusal       null, or the error kind for which the point's readings are not exported
 * @param refusalDetail why, for the log
 */
record SeriesShape(String family, String sampleName, MetricType type, String unit, String help,
                   List<String> labelNames, List<String> pointValues, String refusal, String refusalDetail) {

    static final String DRIVER = "driver";
    static final String POINT = "point";
    /** Family name prefixes of the exporter's own families, which a point's {@code metric} key may not take. */
    private static final List<String> RESERVED_PREFIXES =
            List.of("esnode_driver_", "esnode_exporter_", "esnode_pue_", "esnode_build_info");

    static boolean isReserved(String labelName) {
        return DRIVER.equals(labelName) || POINT.equals(labelName) || labelName.startsWith("__");
    }

    static SeriesShape of(Point point) {
        MetricType type = point.type();
        String name = MetricNames.familyName(point);
        String family = type == MetricType.COUNTER && name.endsWith("_total")
                ? name.substring(0, name.length() - "_total".length()) : name;
        String sampleName = type == MetricType.COUNTER ? family + "_total" : family;
        Quantity q = point.quantity();
        String unit = !q.baseUnit().isEmpty() && family.endsWith("_" + q.baseUnit()) ? q.baseUnit() : "";
        String help = q.baseUnit().isEmpty() ? "ESNODE sensor " + q.metricWord()
                : "ESNODE sensor " + q.metricWord() + " in " + q.baseUnit();

        List<String> names = new ArrayList<>(2 + point.labels().size());
        List<String> values = new ArrayList<>(1 + point.labels().size());
        names.add(DRIVER);
        names.add(POINT);
        values.add(MetricNames.labelValue(point.name()));
        String refusal = null;
        String detail = null;
        for (String prefix : RESERVED_PREFIXES) {
            if (family.startsWith(prefix)) {
                refusal = ExporterStats.RESERVED_NAME;
                detail = "metric name " + family + " is reserved for the exporter's own families";
            }
        }
        for (Map.Entry<String, String> l : point.labels().entrySet()) {
            String labelName = MetricNames.labelName(l.getKey());
            if (isReserved(labelName)) {
                refusal = ExporterStats.RESERVED_LABEL;
                detail = "static label '" + l.getKey() + "' is reserved";
            } else if (names.contains(labelName)) {
                refusal = ExporterStats.DUPLICATE_LABEL;
                detail = "static label '" + l.getKey() + "' repeats label " + labelName;
            }
            names.add(labelName);
            values.add(MetricNames.labelValue(l.getValue()));
        }
        return new SeriesShape(family, sampleName, type, unit, help, List.copyOf(names), List.copyOf(values),
                refusal, detail);
    }
}
