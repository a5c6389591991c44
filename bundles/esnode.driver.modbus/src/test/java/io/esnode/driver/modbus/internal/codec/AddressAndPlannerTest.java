package io.esnode.driver.modbus.internal.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.esnode.api.Point;
import io.esnode.api.Quantity;
import io.esnode.api.util.PointSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AddressAndPlannerTest {
    static final PointMapping.Defaults DEFAULTS = new PointMapping.Defaults() {
        @Override
        public int unitId() {
            return 1;
        }

        @Override
        public WordOrder order(int unitId) {
            return unitId == 7 ? WordOrder.CDAB : WordOrder.ABCD;
        }

        @Override
        public Duration ttl(int unitId) {
            return Duration.ofSeconds(15);
        }
    };

    @Test
    void classicNotationConvertsToZeroBasedAddresses() {
        assertEquals(new PointAddress(Table.INPUT_REGISTER, 0), PointAddress.parse(null, "30001"));
        assertEquals(new PointAddress(Table.HOLDING_REGISTER, 0), PointAddress.parse(null, "40001"));
        assertEquals(new PointAddress(Table.HOLDING_REGISTER, 107), PointAddress.parse(null, "40108"));
        assertEquals(new PointAddress(Table.HOLDING_REGISTER, 107), PointAddress.parse("", "400108"));
        assertEquals(new PointAddress(Table.COIL, 0), PointAddress.parse(null, "00001"));
        assertEquals(new PointAddress(Table.DISCRETE_INPUT, 9), PointAddress.parse(null, "10010"));
    }

    @Test
    void explicitTableTakesTheZeroBasedAddressAsWritten() {
        assertEquals(new PointAddress(Table.HOLDING_REGISTER, 40001), PointAddress.parse("holding", "40001"));
        assertEquals(new PointAddress(Table.INPUT_REGISTER, 0x6B), PointAddress.parse("input", "0x6B"));
    }

    @Test
    void addressWithoutTableOrClassicFormIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PointAddress.parse(null, "12"));
        assertEquals("address '12' needs table=coil|discrete|input|holding, or the classic notation "
                + "0xxxx/1xxxx/3xxxx/4xxxx (e.g. 40001 = holding register 0)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PointAddress.parse(null, "20001"));
    }

    @Test
    void pointSpecKeysBuildTheMapping() {
        PointMapping m = PointMapping.fromSpec(PointSpec.parse(
                "name=kw;unit_id=7;address=40108;type=float32;quantity=power;unit=kW;scale=0.5"), DEFAULTS);
        assertEquals(7, m.unitId());
        assertEquals(Table.HOLDING_REGISTER, m.table());
        assertEquals(107, m.address());
        assertEquals(DataType.FLOAT32, m.type());
        assertEquals(WordOrder.CDAB, m.order()); // unit 7's default order
        assertEquals(2, m.size());
        assertEquals(Duration.ofSeconds(15), m.point().ttl());
        // 2 kW * 0.5 = 1 kW = 1000 W
        assertEquals(1000.0, m.point().toBaseUnits(2.0));
    }

    @Test
    void typeKeyStillMeansCounterWhenDataTypeIsSeparate() {
        PointMapping m = PointMapping.fromSpec(PointSpec.parse(
                "name=e;table=input;address=0;data_type=uint64;type=counter;quantity=energy;unit=Wh"), DEFAULTS);
        assertEquals(DataType.UINT64, m.type());
        assertEquals(io.esnode.api.MetricType.COUNTER, m.point().type());
    }

    @Test
    void legacyRegistersMapToUnsignedPoints() {
        List<PointMapping> ms = LegacyRegisterParser.parse("40001:power:2:0.1, 30005:temp:1", DEFAULTS, Set.of());
        assertEquals(2, ms.size());
        PointMapping power = ms.get(0);
        assertEquals("power_40001", power.point().name());
        assertEquals(Table.HOLDING_REGISTER, power.table());
        assertEquals(0, power.address());
        assertEquals(DataType.UINT32, power.type());
        assertEquals(WordOrder.ABCD, power.order());
        assertEquals(0.1, power.point().scale());
        assertEquals(Quantity.POWER, power.point().quantity());
        PointMapping temp = ms.get(1);
        assertEquals("temp_30005", temp.point().name());
        assertEquals(Table.INPUT_REGISTER, temp.table());
        assertEquals(4, temp.address());
        assertEquals(DataType.UINT16, temp.type());
    }

    @Test
    void contiguousPointsOfOneUnitAndTableShareOneRead() {
        List<PointMapping> ps = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            ps.add(point("p" + i, 1, Table.HOLDING_REGISTER, 2 * i, DataType.FLOAT32)); // registers 0..99
        }
        List<ReadRequest> plan = RequestPlanner.plan(ps, new RequestPlanner.Limits(125, 2000, 0));
        assertEquals(1, plan.size());
        assertEquals(0, plan.get(0).start());
        assertEquals(100, plan.get(0).count());
        assertEquals(50, plan.get(0).points().size());
    }

    @Test
    void readsRespectTheMaximumAndNeverSplitAValue() {
        // float32 points at 0,2,...,8 (registers 0..9); max 5 registers: [0..3] [4..7] [8..9], never [0..4]
        List<PointMapping> ps = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ps.add(point("p" + i, 1, Table.INPUT_REGISTER, 2 * i, DataType.FLOAT32));
        }
        List<ReadRequest> plan = RequestPlanner.plan(ps, new RequestPlanner.Limits(5, 2000, 0));
        assertEquals(List.of("unit 1 input_register 0+4", "unit 1 input_register 4+4", "unit 1 input_register 8+2"),
                plan.stream().map(ReadRequest::toString).toList());
    }

    @Test
    void gapsAreFilledOnlyUpToMaxGap() {
        // uint16 at 0, 3 and 10: gap 0->3 is 2 registers (1,2), gap 3->10 is 6 registers (4..9)
        List<PointMapping> ps = List.of(point("a", 1, Table.HOLDING_REGISTER, 0, DataType.UINT16),
                point("b", 1, Table.HOLDING_REGISTER, 3, DataType.UINT16),
                point("c", 1, Table.HOLDING_REGISTER, 10, DataType.UINT16));
        assertEquals(List.of("unit 1 holding_register 0+1", "unit 1 holding_register 3+1", "unit 1 holding_register 10+1"),
                names(RequestPlanner.plan(ps, new RequestPlanner.Limits(125, 2000, 0))));
        assertEquals(List.of("unit 1 holding_register 0+4", "unit 1 holding_register 10+1"),
                names(RequestPlanner.plan(ps, new RequestPlanner.Limits(125, 2000, 2))));
        assertEquals(List.of("unit 1 holding_register 0+11"),
                names(RequestPlanner.plan(ps, new RequestPlanner.Limits(125, 2000, 6))));
    }

    @Test
    void unitsAndTablesNeverShareARead() {
        List<PointMapping> ps = List.of(point("a", 1, Table.HOLDING_REGISTER, 0, DataType.UINT16),
                point("b", 2, Table.HOLDING_REGISTER, 1, DataType.UINT16),
                point("c", 1, Table.INPUT_REGISTER, 1, DataType.UINT16),
                point("d", 1, Table.COIL, 0, DataType.BOOL), point("e", 1, Table.COIL, 1999, DataType.BOOL));
        assertEquals(List.of("unit 1 coil 0+2000", "unit 1 input_register 1+1", "unit 1 holding_register 0+1",
                "unit 2 holding_register 1+1"), names(RequestPlanner.plan(ps, new RequestPlanner.Limits(125, 2000, 2000))));
    }

    @Test
    void overlappingPointsShareRegisters() {
        // two bools in register 5 and a uint16 of the same register: one read of one register
        List<PointMapping> ps = List.of(
                PointMapping.fromSpec(PointSpec.parse("name=b0;table=holding;address=5;bit=0"), DEFAULTS),
                PointMapping.fromSpec(PointSpec.parse("name=b3;table=holding;address=5;bit=3"), DEFAULTS),
                point("w", 1, Table.HOLDING_REGISTER, 5, DataType.UINT16));
        assertEquals(List.of("unit 1 holding_register 5+1"),
                names(RequestPlanner.plan(ps, new RequestPlanner.Limits(125, 2000, 0))));
    }

    private static List<String> names(List<ReadRequest> plan) {
        return plan.stream().map(ReadRequest::toString).toList();
    }

    static PointMapping point(String name, int unit, Table table, int address, DataType type) {
        return new PointMapping(Point.gauge(name, Quantity.OTHER, ""), unit, table, address, type, WordOrder.ABCD,
                -1, table.isBits() ? 1 : type.registers(), PointMapping.DEFAULT_STRING_LABEL);
    }
}
