package io.esnode.driver.modbus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.esnode.api.DriverState;
import io.esnode.api.Reading;
import io.esnode.driver.modbus.testing.Await;
import io.esnode.driver.modbus.testing.PyModbusServer;
import io.esnode.driver.modbus.testing.RecordingStore;
import io.esnode.driver.modbus.testing.SocatPtyPair;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** RTU framing against pymodbus: over a socat pty pair (jSerialComm) and framed over TCP (serial gateway). */
class ModbusRtuPymodbusTest {
    static final String[] POINTS = {
        "name=f_abcd;unit_id=1;table=holding;address=0;data_type=float32",
        "name=u32;unit_id=1;table=holding;address=5;data_type=uint32",
        "name=model;unit_id=1;table=holding;address=10;data_type=string;length=4",
        "name=coil2;unit_id=1;table=coil;address=2",
        "name=missing;unit_id=1;table=holding;address=100",
        "name=u2;unit_id=2;table=holding;address=3",
        "name=dead;unit_id=9;table=holding;address=0",
    };

    @Test
    void rtuOverSerialPtyReadsEveryUnit() throws Exception {
        assumeTrue(PyModbusServer.available(), "Debian python3-pymodbus (+ python3-serial-asyncio) is not installed");
        assumeTrue(SocatPtyPair.available(), "Debian socat is not installed");
        try (SocatPtyPair pty = SocatPtyPair.start();
             PyModbusServer server = PyModbusServer.serial(pty.a, 19200)) {
            RecordingStore store = new RecordingStore();
            ModbusDriver driver = new ModbusDriver(store);
            driver.start(TestConfigs.config("id", "rtu1", "transport", "rtu", "serial_port", pty.b.toString(),
                    "baud_rate", "19200", "parity", "none", "poll_interval", "0.2", "timeout", "0.5", "retries", "0",
                    "points", POINTS));
            try {
                assertReadsTheDatastore(store, driver, "rtu1", server);
            } finally {
                driver.deactivate();
            }
        }
    }

    @Test
    void rtuFramedOverTcpReadsEveryUnit() throws Exception {
        assumeTrue(PyModbusServer.available(), "Debian python3-pymodbus (+ python3-serial-asyncio) is not installed");
        int port = PyModbusServer.freePort();
        try (PyModbusServer server = PyModbusServer.tcp("rtu-tcp", port)) {
            RecordingStore store = new RecordingStore();
            ModbusDriver driver = new ModbusDriver(store);
            driver.start(TestConfigs.config("id", "rtutcp1", "transport", "rtu_over_tcp", "target",
                    "127.0.0.1:" + port, "poll_interval", "0.2", "timeout", "0.5", "retries", "0", "points", POINTS));
            try {
                assertReadsTheDatastore(store, driver, "rtutcp1", server);
            } finally {
                driver.deactivate();
            }
        }
    }

    private static void assertReadsTheDatastore(RecordingStore store, ModbusDriver driver, String id,
                                                PyModbusServer server) {
        try {
            // float32 ABCD 0x436E9BD4 = 238.60870361328125
            assertEquals(238.60870361328125, store.awaitGood(id, "f_abcd", 10_000).value(), 0.0);
            // uint32 0x0001 0x0002 = 65538
            assertEquals(65538.0, store.awaitGood(id, "u32", 5000).value());
            assertEquals(1.0, store.awaitGood(id, "model", Map.of("value", "PM5560"), 5000).value());
            assertEquals(1.0, store.awaitGood(id, "coil2", 5000).value());
            // unit 2 holding 3 = 203
            assertEquals(203.0, store.awaitGood(id, "u2", 5000).value());
            Reading missing = store.awaitBad(id, "missing", 5000);
            assertEquals("exception: exception 2 (illegal data address) for function 3", missing.quality().reason());
            assertEquals("timeout", store.awaitBad(id, "dead", 5000).quality().reason());
            // after timeouts of unit 9 the line stays in step: unit 2 keeps answering with its own value
            long polls = store.goodCount("u2");
            Await.until(() -> store.goodCount("u2") >= polls + 3, 5000, () -> "u2 stopped updating");
            assertEquals(203.0, store.get(id, "u2").value());
            assertEquals(DriverState.DEGRADED, driver.status().state());
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\nstatus: " + driver.status() + "\nserver: " + server.output(), e);
        }
    }
}
