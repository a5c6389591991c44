package io.esnode.driver.modbus.internal.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.esnode.api.Reading;
import io.esnode.api.SeriesKey;
import io.esnode.api.util.PointSpec;
import io.esnode.driver.modbus.internal.codec.ModbusValueException;
import io.esnode.driver.modbus.internal.codec.PointMapping;
import io.esnode.driver.modbus.internal.codec.ReadRequest;
import io.esnode.driver.modbus.internal.codec.RequestPlanner;
import io.esnode.driver.modbus.internal.codec.WordOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResponseMapperTest {
    static final PointMapping.Defaults DEFAULTS = new PointMapping.Defaults() {
        @Override
        public int unitId() {
            return 1;
        }

        @Override
        public WordOrder order(int unitId) {
            return WordOrder.ABCD;
        }

        @Override
        public Duration ttl(int unitId) {
            return Duration.ofSeconds(15);
        }
    };

    private final ResponseMapper mapper = new ResponseMapper("d1");
    private final List<SeriesKey> replaced = new ArrayList<>();
    private final List<ModbusValueException> valueErrors = new ArrayList<>();

    private static ReadRequest request(String... specs) {
        List<PointMapping> ps = new ArrayList<>();
        for (String s : specs) {
            ps.add(PointMapping.fromSpec(PointSpec.parse(s), DEFAULTS));
        }
        List<ReadRequest> plan = RequestPlanner.plan(ps, new RequestPlanner.Limits(125, 2000, 0));
        assertEquals(1, plan.size());
        return plan.get(0);
    }

    private List<Reading> map(ReadRequest r, byte... pdu) throws Exception {
        List<Reading> out = new ArrayList<>();
        mapper.map(r, pdu, 1000L, out, valueErrors::add, replaced::add);
        return out;
    }

    @Test
    void changedTextReplacesTheOldSeries() throws Exception {
        ReadRequest r = request("name=model;table=holding;address=0;data_type=string;length=1");
        // 'A' 'B' then 'C' 'D'
        Reading first = map(r, (byte) 3, (byte) 2, (byte) 'A', (byte) 'B').get(0);
        assertEquals(Map.of("value", "AB"), first.labels());
        assertEquals(1.0, first.value());
        Reading second = map(r, (byte) 3, (byte) 2, (byte) 'C', (byte) 'D').get(0);
        assertEquals(Map.of("value", "CD"), second.labels());
        assertEquals(List.of(new SeriesKey("d1", "model", Map.of("value", "AB"))), replaced);
        // the same text again replaces nothing
        map(r, (byte) 3, (byte) 2, (byte) 'C', (byte) 'D');
        assertEquals(1, replaced.size());
    }

    @Test
    void undecodablePointIsBadWhileItsNeighbourKeepsItsValue() throws Exception {
        ReadRequest r = request("name=model;table=holding;address=0;data_type=string;length=1",
                "name=w;table=holding;address=1;scale=0.5");
        // register 0 = 0x0141 (control character 0x01), register 1 = 0x0064 = 100 -> 100 * 0.5 = 50
        List<Reading> out = map(r, (byte) 3, (byte) 4, (byte) 0x01, (byte) 0x41, (byte) 0, (byte) 100);
        assertFalse(out.get(0).quality().isGood());
        assertEquals("decode: byte 0x1 is not printable ASCII", out.get(0).quality().reason());
        assertEquals(50.0, out.get(1).value());
        assertEquals(1, valueErrors.size());
        assertEquals("point model: byte 0x1 is not printable ASCII", valueErrors.get(0).getMessage());
    }

    @Test
    void uint64CounterIsExact() throws Exception {
        ReadRequest r = request("name=e;table=input;address=0;data_type=uint64;type=counter");
        // 0xFFFFFFFFFFFFFFFE = 2^64 - 2 = 18446744073709551614
        Reading e = map(r, (byte) 4, (byte) 8, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF,
                (byte) 0xFF, (byte) 0xFF, (byte) 0xFE).get(0);
        assertEquals("18446744073709551614", e.exactText());
    }

    @Test
    void plainNumbersDecodeInPlaceWithScaleAndUnit() throws Exception {
        ReadRequest r = request("name=f;table=holding;address=0;data_type=float32;order=cdab",
                "name=t;table=holding;address=2;data_type=int16;quantity=temperature;unit=F",
                "name=p;table=holding;address=3;data_type=int32;quantity=power;unit=kW;scale=0.1");
        // f: CDAB words 0x0000, 0x4148 -> 0x41480000 = 12.5
        // t: 0xFFCE = -50 F -> (-50 - 32) * 5 / 9 = -45.555... C
        // p: 0x0001, 0x86A0 = 100000 -> 100000 * 0.1 kW = 10000 kW = 1.0e7 W
        List<Reading> out = map(r, (byte) 3, (byte) 10, (byte) 0x00, (byte) 0x00, (byte) 0x41, (byte) 0x48,
                (byte) 0xFF, (byte) 0xCE, (byte) 0x00, (byte) 0x01, (byte) 0x86, (byte) 0xA0);
        assertEquals(12.5, out.get(0).value());
        assertEquals((-50 - 32) * 5.0 / 9.0, out.get(1).value(), 1e-12);
        assertEquals(1.0e7, out.get(2).value(), 1e-6);
        assertEquals(Map.of(), out.get(2).labels());
        assertEquals(0, valueErrors.size());
    }
}
