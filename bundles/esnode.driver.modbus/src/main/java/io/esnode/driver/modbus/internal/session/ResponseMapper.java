package io.esnode.driver.modbus.internal.session;

import io.esnode.api.Reading;
import io.esnode.api.SeriesKey;
import io.esnode.driver.modbus.internal.codec.DataType;
import io.esnode.driver.modbus.internal.codec.DecodedValue;
import io.esnode.driver.modbus.internal.codec.ModbusException;
import io.esnode.driver.modbus.internal.codec.ModbusValueException;
import io.esnode.driver.modbus.internal.codec.PointMapping;
import io.esnode.driver.modbus.internal.codec.ReadPdu;
import io.esnode.driver.modbus.internal.codec.ReadRequest;
import io.esnode.driver.modbus.internal.codec.RegisterDecoder;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Turns the response of one read into readings of its points. A point whose registers do not decode gets a bad
 * reading and is reported through {@code valueErrors}; its neighbours still get their values. A string point
 * becomes a reading of value 1 whose label carries the text; when the text changes, the series of the old text
 * is named in {@code replaced} so it can be removed at once.
 */
final class ResponseMapper {
    private final String driverId;
    private final Map<String, SeriesKey> lastTextSeries = new ConcurrentHashMap<>();

    ResponseMapper(String driverId) {
        this.driverId = driverId;
    }

    /** Readings of the request's points from its response PDU; throws when the PDU itself is wrong. */
    void map(ReadRequest request, byte[] pdu, long nowMillis, List<Reading> out,
             Consumer<ModbusValueException> valueErrors, Consumer<SeriesKey> replaced) throws ModbusException {
        if (request.table().isBits()) {
            boolean[] bits = ReadPdu.bits(pdu, request.table(), request.count());
            for (PointMapping p : request.points()) {
                DecodedValue v;
                try {
                    v = RegisterDecoder.bit(bits, p.address() - request.start());
                } catch (ModbusValueException e) {
                    undecodable(p, e, nowMillis, out, valueErrors);
                    continue;
                }
                add(p, v, nowMillis, out, replaced);
            }
        } else {
            int[] words = ReadPdu.registers(pdu, request.table(), request.count());
            for (PointMapping p : request.points()) {
                int offset = p.address() - request.start();
                if (RegisterDecoder.isPlainNumber(p.type())) {
                    double value;
                    try {
                        value = RegisterDecoder.number(words, offset, p.type(), p.order(), p.bit());
                    } catch (ModbusValueException e) {
                        undecodable(p, e, nowMillis, out, valueErrors);
                        continue;
                    }
                    out.add(Reading.of(driverId, p.point(), Map.of(), value, nowMillis));
                    continue;
                }
                DecodedValue v;
                try {
                    v = RegisterDecoder.decode(words, offset, p.type(), p.order(), p.bit(),
                            p.length());
                } catch (ModbusValueException e) {
                    undecodable(p, e, nowMillis, out, valueErrors);
                    continue;
                }
                add(p, v, nowMillis, out, replaced);
            }
        }
    }

    private void undecodable(PointMapping p, ModbusValueException e, long now, List<Reading> out,
                             Consumer<ModbusValueException> valueErrors) {
        valueErrors.accept(new ModbusValueException("point " + p.point().name() + ": " + e.getMessage()));
        out.add(Reading.bad(driverId, p.point(), labelsOf(p), "decode: " + e.getMessage(), now));
    }

    private void add(PointMapping p, DecodedValue v, long now, List<Reading> out, Consumer<SeriesKey> replaced) {
        if (v instanceof DecodedValue.Number n) {
            out.add(Reading.of(driverId, p.point(), Map.of(), n.value(), now));
        } else if (v instanceof DecodedValue.Unsigned u) {
            out.add(Reading.ofUnsigned(driverId, p.point(), Map.of(), u.bits(), now));
        } else {
            Reading r = Reading.of(driverId, p.point(), Map.of(p.labelName(), ((DecodedValue.Text) v).value()), 1.0,
                    now);
            SeriesKey previous = lastTextSeries.put(p.point().name(), r.key());
            if (previous != null && !previous.equals(r.key())) {
                replaced.accept(previous);
            }
            out.add(r);
        }
    }

    /** Bad readings for every point of a request that failed. */
    void bad(ReadRequest request, String reason, long nowMillis, List<Reading> out) {
        for (PointMapping p : request.points()) {
            out.add(Reading.bad(driverId, p.point(), labelsOf(p), reason, nowMillis));
        }
    }

    /** A string point's bad reading replaces the series of its last text; other points have no run-time labels. */
    private Map<String, String> labelsOf(PointMapping p) {
        if (p.type() != DataType.STRING) {
            return Map.of();
        }
        SeriesKey last = lastTextSeries.get(p.point().name());
        return last == null ? Map.of() : last.labels();
    }
}
