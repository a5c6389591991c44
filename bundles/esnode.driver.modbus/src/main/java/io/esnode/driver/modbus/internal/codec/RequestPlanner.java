package io.esnode.driver.modbus.internal.codec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Merges the points of one unit and table into as few reads as the limits allow. Points are taken in address
 * order; a point joins the current read when the read then stays within the maximum and the hole before the point
 * is at most {@code maxGap} items; otherwise it starts a new read. A point is never split across two reads. For a
 * fixed maximum this greedy left-to-right cover is the minimum number of reads.
 */
public final class RequestPlanner {

    /**
     * @param maxRegisters most registers per read (1..125)
     * @param maxBits      most coils or discrete inputs per read (1..2000)
     * @param maxGap       most unused items a read may span between two points (0 = no gap filling)
     */
    public record Limits(int maxRegisters, int maxBits, int maxGap) {
        public Limits {
            if (maxRegisters < 1 || maxRegisters > 125) {
                throw new IllegalArgumentException("max_registers " + maxRegisters + " is outside 1..125");
            }
            if (maxBits < 1 || maxBits > 2000) {
                throw new IllegalArgumentException("max_bits " + maxBits + " is outside 1..2000");
            }
            if (maxGap < 0) {
                throw new IllegalArgumentException("max_gap " + maxGap + " is negative");
            }
        }

        public int max(Table t) {
            return t.isBits() ? maxBits : maxRegisters;
        }
    }

    private RequestPlanner() {
    }

    /** The reads for the points of one unit, in table then address order. */
    public static List<ReadRequest> plan(List<PointMapping> points, Limits limits) {
        Map<String, List<PointMapping>> groups = new TreeMap<>();
        for (PointMapping p : points) {
            groups.computeIfAbsent(p.unitId() + "/" + p.table().ordinal(), k -> new ArrayList<>()).add(p);
        }
        List<ReadRequest> out = new ArrayList<>();
        for (List<PointMapping> group : groups.values()) {
            group.sort(Comparator.comparingInt(PointMapping::address).thenComparingInt(PointMapping::end));
            out.addAll(planGroup(group, limits.max(group.get(0).table()), limits.maxGap()));
        }
        return out;
    }

    private static List<ReadRequest> planGroup(List<PointMapping> sorted, int max, int maxGap) {
        List<ReadRequest> out = new ArrayList<>();
        List<PointMapping> current = new ArrayList<>();
        int start = 0;
        int end = 0;
        for (PointMapping p : sorted) {
            if (p.size() > max) {
                throw new IllegalArgumentException("point '" + p.point().name() + "' needs " + p.size()
                        + " items but a read may hold only " + max);
            }
            boolean fits = !current.isEmpty() && Math.max(end, p.end()) - start <= max && p.address() - end <= maxGap;
            if (!current.isEmpty() && !fits) {
                out.add(new ReadRequest(p.unitId(), p.table(), start, end - start, current));
                current = new ArrayList<>();
            }
            if (current.isEmpty()) {
                start = p.address();
                end = p.end();
            }
            current.add(p);
            end = Math.max(end, p.end());
        }
        if (!current.isEmpty()) {
            PointMapping first = current.get(0);
            out.add(new ReadRequest(first.unitId(), first.table(), start, end - start, current));
        }
        return out;
    }
}
