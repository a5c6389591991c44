package io.esnode.driver.modbus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.esnode.driver.modbus.internal.codec.PointMapping;
import io.esnode.driver.modbus.internal.codec.WordOrder;
import io.esnode.driver.modbus.internal.session.DevicePlan;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DriverSettingsTest {

    @Test
    void legacyTargetSlaveIdAndRegistersAreAccepted() {
        DriverSettings s = DriverSettings.from(TestConfigs.config("id", "old", "target", "10.0.0.5:1502",
                "slave_id", "7", "registers", "40001:power:2:0.1,30001:temp:1:0.1"));
        assertEquals("tcp://10.0.0.5:1502", s.target());
        assertEquals(2, s.points().size());
        assertEquals(7, s.points().get(0).unitId());
        assertEquals("power_40001", s.points().get(0).point().name());
        // default ttl = 3 x poll interval 5 s
        assertEquals(Duration.ofSeconds(15), s.points().get(0).point().ttl());
        assertEquals(1, s.session().devices().size());
        assertEquals(2, s.session().requestsPerCycle());
    }

    @Test
    void serialTargetChoosesRtu() {
        DriverSettings s = DriverSettings.from(TestConfigs.config("id", "ser", "target", "/dev/ttyUSB0",
                "baud_rate", "19200", "parity", "none", "points", "name=a;address=40001"));
        assertEquals("rtu:///dev/ttyUSB0?19200,8n1", s.target());
    }

    @Test
    void deviceOverridesApplyPerUnit() {
        DriverSettings s = DriverSettings.from(TestConfigs.config("id", "d", "host", "h", "poll_interval", "2",
                "devices", new String[] {"unit_id=2;poll_interval=10;max_registers=4;order=CDAB"},
                "points", new String[] {"name=a;unit_id=1;table=holding;address=0;data_type=float32",
                    "name=b;unit_id=2;table=holding;address=0;data_type=float32",
                    "name=c;unit_id=2;table=holding;address=2;data_type=float32",
                    "name=d;unit_id=2;table=holding;address=4;data_type=float32"}));
        DevicePlan u1 = s.session().devices().get(0);
        DevicePlan u2 = s.session().devices().get(1);
        assertEquals(2000, u1.pollIntervalMillis());
        assertEquals(10_000, u2.pollIntervalMillis());
        // unit 2: 6 registers with max 4 -> [0..3] [4..5]
        assertEquals(2, u2.requests().size());
        PointMapping b = u2.requests().get(0).points().get(0);
        assertEquals(WordOrder.CDAB, b.order());
        assertEquals(Duration.ofSeconds(30), b.point().ttl());
        assertEquals(Duration.ofSeconds(6), u1.requests().get(0).points().get(0).point().ttl());
    }

    @Test
    void badValuesAreRejectedNamingTheKey() {
        assertEquals("Modbus driver x: timeout 'soon' is invalid: must be a positive number of seconds",
                reject("id", "x", "host", "h", "timeout", "soon", "points", "name=a;address=40001"));
        assertEquals("Modbus driver x: max_registers '200' is invalid: must be an integer from 1 to 125",
                reject("id", "x", "host", "h", "max_registers", "200", "points", "name=a;address=40001"));
        assertEquals("Modbus driver x: transport 'udp' is invalid: use tcp, rtu or rtu_over_tcp",
                reject("id", "x", "host", "h", "transport", "udp", "points", "name=a;address=40001"));
        assertEquals("Modbus driver x: points: point 'a': data type 'float16' is not bool, int16, uint16, int32, "
                + "uint32, int64, uint64, float32, float64 or string",
                reject("id", "x", "host", "h", "points", "name=a;address=40001;data_type=float16"));
        assertEquals("Modbus driver x: host (or target) is required", reject("id", "x", "points", "name=a;address=40001"));
        assertEquals("Modbus driver x: no points: set points or registers", reject("id", "x", "host", "h"));
        assertEquals("Modbus driver x: points: point 'b': coil points are bool, not float32",
                reject("id", "x", "host", "h", "points", "name=b;table=coil;address=0;data_type=float32"));
    }

    private static String reject(Object... kv) {
        return assertThrows(IllegalArgumentException.class, () -> DriverSettings.from(TestConfigs.config(kv)))
                .getMessage();
    }
}
