package io.esnode.driver.modbus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.esnode.api.DriverState;
import io.esnode.driver.modbus.testing.Await;
import io.esnode.driver.modbus.testing.PyModbusServer;
import io.esnode.driver.modbus.testing.RecordingStore;
import org.junit.jupiter.api.Test;

class ModbusReconnectTest {

    @Test
    void serverRestartMarksPointsBadThenPollingResumes() throws Exception {
        assumeTrue(PyModbusServer.available(), "Debian python3-pymodbus (+ python3-serial-asyncio) is not installed");
        int port = PyModbusServer.freePort();
        RecordingStore store = new RecordingStore();
        ModbusDriver driver = new ModbusDriver(store);
        PyModbusServer server = PyModbusServer.tcp("tcp", port);
        driver.start(TestConfigs.config("id", "re1", "host", "127.0.0.1", "port", port, "poll_interval", "0.1",
                "timeout", "0.3", "reconnect_min", "0.1", "reconnect_max", "0.4",
                "points", new String[] {"name=u2;unit_id=2;table=holding;address=1"}));
        try {
            // unit 2 holding 1 = 201
            assertEquals(201.0, store.awaitGood("re1", "u2", 10_000).value());
            server.close();
            assertEquals("not connected", store.awaitBad("re1", "u2", 5000).quality().reason());
            Await.until(() -> driver.status().state() == DriverState.DISCONNECTED, 5000, () -> "" + driver.status());
            // reconnect attempts back off (0.1 s doubling up to 0.4 s) and are counted
            Await.until(() -> driver.status().errorsByKind().getOrDefault("connect", 0L) >= 3, 5000,
                    () -> "" + driver.status());
            server = PyModbusServer.tcp("tcp", port);
            assertEquals(201.0, store.awaitGood("re1", "u2", 10_000).value());
            Await.until(() -> driver.status().state() == DriverState.CONNECTED, 5000, () -> "" + driver.status());
        } finally {
            driver.deactivate();
            server.close();
        }
        assertTrue(store.removedDrivers.contains("re1"));
        assertEquals(DriverState.STOPPED, driver.status().state());
        assertTrue(Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().startsWith("esnode-modbus-re1")),
                "poll thread left behind");
    }
}
