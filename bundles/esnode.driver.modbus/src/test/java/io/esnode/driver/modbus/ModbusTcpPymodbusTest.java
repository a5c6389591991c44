package io.esnode.driver.modbus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.esnode.api.DriverState;
import io.esnode.api.DriverStatus;
import io.esnode.api.Reading;
import io.esnode.driver.modbus.testing.Await;
import io.esnode.driver.modbus.testing.PyModbusServer;
import io.esnode.driver.modbus.testing.RecordingStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Modbus TCP against pymodbus (independent implementation) with the datastore of {@code modbus_server.py}:
 * units 1–3 answer, unit 9 never answers, holding register 100 of unit 1 answers exception 2.
 */
class ModbusTcpPymodbusTest {
    static final String ID = "mb1";
    static final String[] POINTS = {
        "name=f_abcd;unit_id=1;table=holding;address=0;data_type=float32;order=ABCD;quantity=power;unit=kW",
        "name=f_cdab;unit_id=1;table=holding;address=2;data_type=float32;order=CDAB",
        "name=temp;unit_id=1;address=40005;data_type=int16;scale=0.1;quantity=temperature;unit=C",
        "name=u32;unit_id=1;table=holding;address=5;data_type=uint32",
        "name=model;unit_id=1;table=holding;address=10;data_type=string;length=4;label_name=model",
        "name=energy;unit_id=1;table=holding;address=20;data_type=uint64;type=counter;quantity=energy;unit=Wh",
        "name=alarm_bit2;unit_id=1;table=holding;address=30;bit=2",
        "name=alarm_bit1;unit_id=1;table=holding;address=30;bit=1",
        "name=in0;unit_id=1;address=30001",
        "name=in3;unit_id=1;table=input;address=3",
        "name=coil1;unit_id=1;table=coil;address=1",
        "name=coil2;unit_id=1;address=00003",
        "name=di1;unit_id=1;table=discrete;address=1",
        "name=missing;unit_id=1;table=holding;address=100",
        "name=u2;unit_id=2;table=holding;address=0",
        "name=u3;unit_id=3;table=holding;address=9",
        "name=dead;unit_id=9;table=holding;address=0",
        "name=dead_later;unit_id=9;table=holding;address=40",
    };
    static PyModbusServer server;
    static int port;
    static RecordingStore store;
    static ModbusDriver driver;

    @BeforeAll
    static void startServerAndDriver() throws Exception {
        assumeTrue(PyModbusServer.available(), "Debian python3-pymodbus (+ python3-serial-asyncio) is not installed");
        port = PyModbusServer.freePort();
        server = PyModbusServer.tcp("tcp", port);
        store = new RecordingStore();
        driver = new ModbusDriver(store);
        driver.start(TestConfigs.config("id", ID, "host", "127.0.0.1", "port", port, "poll_interval", "0.2",
                "timeout", "0.3", "retries", "0", "points", POINTS));
    }

    @AfterAll
    static void stop() {
        if (driver != null) {
            driver.deactivate();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void everyTypeDecodesFromTheServer() {
        // float32 ABCD 0x436E9BD4 = 238.60870361328125 kW = 238608.70361328125 W
        assertEquals(238608.70361328125, good("f_abcd").value(), 1e-6);
        // float32 CDAB 0x729B 0x41B8 -> 0x41B8729B = 23.055959701538086
        assertEquals(23.055959701538086, good("f_cdab").value(), 1e-9);
        // int16 0xFFD2 = -46, * 0.1 = -4.6 °C
        assertEquals(-4.6, good("temp").value(), 1e-9);
        // uint32 0x0001 0x0002 = 65536 + 2
        assertEquals(65538.0, good("u32").value());
        // uint64 0x0000 0x0000 0x0001 0x0000 = 65536 Wh, an exact counter in base units 65536 * 3600 J
        Reading energy = good("energy");
        assertEquals(65536.0 * 3600.0, energy.value());
        // holding 30 = 0x0005: bit 2 set, bit 1 clear
        assertEquals(1.0, good("alarm_bit2").value());
        assertEquals(0.0, good("alarm_bit1").value());
        // input registers 100..109
        assertEquals(100.0, good("in0").value());
        assertEquals(103.0, good("in3").value());
        // coils 1,0,1,1,...: coil 1 = 0, coil 2 (classic 00003) = 1; discrete inputs 0,1
        assertEquals(0.0, good("coil1").value());
        assertEquals(1.0, good("coil2").value());
        assertEquals(1.0, good("di1").value());
        // the string becomes label model="PM5560" on a reading of value 1
        assertEquals(1.0, store.awaitGood(ID, "model", Map.of("model", "PM5560"), 5000).value());
        // units 2 and 3
        assertEquals(200.0, good("u2").value());
        assertEquals(309.0, good("u3").value());
    }

    @Test
    void exceptionMarksOnlyItsRequestBadAndIsCounted() {
        Reading missing = store.awaitBad(ID, "missing", 5000);
        assertEquals("exception: exception 2 (illegal data address) for function 3", missing.quality().reason());
        Await.until(() -> driver.status().errorsByKind().getOrDefault("exception", 0L) >= 2, 5000,
                () -> "exceptions: " + driver.status());
        // the neighbour in the same unit and table keeps good values
        long before = store.goodCount("f_abcd");
        Await.until(() -> store.goodCount("f_abcd") > before + 2, 5000, () -> "f_abcd stopped updating");
    }

    @Test
    void silentUnitTimesOutWithoutHoldingBackTheOthers() {
        Reading dead = store.awaitBad(ID, "dead", 5000);
        assertEquals("timeout", dead.quality().reason());
        // unit 9's second read is not even tried in a cycle whose first read timed out
        assertEquals("unit 9 did not answer", store.awaitBad(ID, "dead_later", 5000).quality().reason());
        Await.until(() -> driver.status().errorsByKind().getOrDefault("timeout", 0L) >= 3, 5000,
                () -> "timeouts: " + driver.status());
        // unit 9 costs 0.3 s per cycle; units 2 and 3 are due every 0.2 s: in 2 s each must get well over 3 polls
        long u2 = store.goodCount("u2");
        long u3 = store.goodCount("u3");
        Await.sleep(2000);
        assertTrue(store.goodCount("u2") - u2 >= 3, "u2 polls in 2 s: " + (store.goodCount("u2") - u2));
        assertTrue(store.goodCount("u3") - u3 >= 3, "u3 polls in 2 s: " + (store.goodCount("u3") - u3));
        DriverStatus s = driver.status();
        assertEquals(DriverState.DEGRADED, s.state());
        assertTrue(s.state().isUp());
    }

    @Test
    void requestPlanIsMinimal() {
        // unit 1 holding: [0..6] [10..13] [20..23] [30] [100]; input: [0] [3]; coil [1..2]; discrete [1]
        // units 2, 3: one read each; unit 9: [0] [40] -> 5 + 2 + 1 + 1 + 1 + 1 + 2 = 13
        assertEquals(13, driver.session().requestsPerCycle());
    }

    @Test
    void mbpollReadsTheSameValues() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/mbpoll")), "Debian mbpoll is not installed");
        // -0: PDU (0-based) addresses; -B: big endian words (ABCD); -1: one poll
        String f = mbpoll("-a", "1", "-0", "-r", "0", "-c", "1", "-t", "4:float", "-B");
        Matcher m = Pattern.compile("\\[0\\]:\\s+(\\S+)").matcher(f);
        assertTrue(m.find(), f);
        double mbpollKw = Double.parseDouble(m.group(1));
        assertEquals(mbpollKw * 1000, good("f_abcd").value(), 1.0); // mbpoll prints 6 digits: 238.609
        String i = mbpoll("-a", "1", "-0", "-r", "4", "-c", "1", "-t", "4");
        assertTrue(i.contains("[4]: \t65490 (-46)"), i);
        assertEquals(-46 * 0.1, good("temp").value(), 1e-9);
        String u3 = mbpoll("-a", "3", "-0", "-r", "9", "-c", "1", "-t", "4");
        assertTrue(u3.contains("[9]: \t309"), u3);
        assertEquals(309.0, good("u3").value());
    }

    private static String mbpoll(String... args) throws IOException, InterruptedException {
        List<String> cmd = new java.util.ArrayList<>(List.of("/usr/bin/mbpoll", "-m", "tcp", "-p", String.valueOf(port),
                "-1", "-o", "1"));
        cmd.addAll(List.of(args));
        cmd.add("127.0.0.1");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(10, TimeUnit.SECONDS), "mbpoll hung");
        return out;
    }

    private static Reading good(String point) {
        return store.awaitGood(ID, point, 5000);
    }
}
