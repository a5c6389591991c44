package io.esnode.driver.modbus.internal.codec;

import java.util.List;

/** One planned read: a contiguous range of one table of one unit, and the points it serves. */
public record ReadRequest(int unitId, Table table, int start, int count, List<PointMapping> points) {
    public ReadRequest {
        points = List.copyOf(points);
    }

    public byte[] pdu() {
        return ReadPdu.request(table, start, count);
    }

    @Override
    public String toString() {
        return "unit " + unitId + " " + table.label() + " " + start + "+" + count;
    }
}
