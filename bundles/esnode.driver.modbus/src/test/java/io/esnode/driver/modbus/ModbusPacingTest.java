package io.esnode.driver.modbus;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.esnode.driver.modbus.testing.Await;
import io.esnode.driver.modbus.testing.PyModbusServer;
import io.esnode.driver.modbus.testing.RecordingStore;
import org.junit.jupiter.api.Test;

class ModbusPacingTest {

    @Test
    void pauseSpacesEveryRequestOnTheConnection() throws Exception {
        assumeTrue(PyModbusServer.available(), "Debian python3-pymodbus (+ python3-serial-asyncio) is not installed");
        int port = PyModbusServer.freePort();
        try (PyModbusServer server = PyModbusServer.tcp("tcp", port)) {
            RecordingStore store = new RecordingStore();
            ModbusDriver driver = new ModbusDriver(store);
            // units 2 and 3 are due every 0.05 s, but requests must be 0.2 s apart
            driver.start(TestConfigs.config("id", "pace", "host", "127.0.0.1", "port", port, "poll_interval", "0.05",
                    "pause", "0.2", "points", new String[] {"name=u2;unit_id=2;table=holding;address=0",
                        "name=u3;unit_id=3;table=holding;address=0"}));
            try {
                store.awaitGood("pace", "u3", 10_000);
                long requests0 = driver.session().requests();
                long start = System.nanoTime();
                Await.sleep(1500);
                long requests = driver.session().requests() - requests0;
                double seconds = (System.nanoTime() - start) / 1e9;
                // at most one request per 0.2 s: 1.5 s / 0.2 s = 7.5, plus one at the window's edge
                assertTrue(requests <= Math.floor(seconds / 0.2) + 1, requests + " requests in " + seconds + " s");
                assertTrue(requests >= 2, requests + " requests in " + seconds + " s");
            } finally {
                driver.deactivate();
            }
        }
    }
}
