package io.esnode.console.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConsoleTextTest {
    private static final long T0 = 1_767_225_600_000L; // 2026-01-01 00:00:00 UTC

    private static DriverRow row(String id, String state) {
        // 4 timed messages taking 0.010 s in all: mean 10 / 4 = 2.5 ms
        return new DriverRow(id, "mqtt", "esnode.driver.mqtt~" + id, state, "", true, false, "tcp://127.0.0.1:1883",
                T0, "", Map.of("connect", 2L, "decode", 1L), 3, 4, 0.010);
    }

    @Test
    void driversTableHasOneRowPerDriverWithAllColumns() {
        String text = CommandText.drivers(List.of(row("m1", "CONNECTED"), row("m22", "DISABLED")));
        List<String> lines = text.lines().toList();
        assertEquals(3, lines.size(), text);
        assertEquals("ID   PROTOCOL  TARGET                STATE      LAST SUCCESS          LAST ERROR  ERRORS"
                + "              POINTS  LATENCY", lines.get(0));
        assertEquals("m1   mqtt      tcp://127.0.0.1:1883  CONNECTED  2026-01-01 00:00:00Z  -           connect=2"
                + " decode=1  3       2.5ms", lines.get(1));
        assertTrue(lines.get(2).startsWith("m22  mqtt      tcp://127.0.0.1:1883  DISABLED "), lines.get(2));
        assertEquals("no drivers", CommandText.drivers(List.of()));
    }

    @Test
    void pointsAndFormats() {
        String text = CommandText.points(List.of(new PointRow("m1", "inlet", Map.of("rack", "r1"), 23.5, "celsius",
                "GOOD", 12_340)));
        assertEquals("m1      inlet  {rack=r1}  23.5   celsius  GOOD     12.3s", text.lines().toList().get(1));
        assertEquals("-", Format.number(Double.NaN));
        assertEquals("240000", Format.number(240_000.0));
        assertEquals("1.6", Format.number(1.6));
        assertEquals("4m05s", Format.age(245_000));
        assertEquals("850ms", Format.age(850));
        assertEquals("2h10m", Format.age(7_800_000));
    }

    @Test
    void pueShowsSelectorsAndTheReadingsTheySelect() {
        String text = CommandText.pue(List.of(new PueRow("site", List.of("pue_role=it"), List.of("pue_role=facility"),
                List.of("m1/rack{rack=r1}=100000 W", "m1/rack{rack=r2}=50000 W"), List.of("m1/meter=240000 W"),
                1.6, 150_000, 240_000, "valid")));
        assertEquals("site   1.6  150000  240000      valid   pue_role=it -> m1/rack{rack=r1}=100000 W,"
                + " m1/rack{rack=r2}=50000 W  pue_role=facility -> m1/meter=240000 W", text.lines().toList().get(1));
    }

    @Test
    void pageEscapesEverythingItShows() {
        DriverRow evil = new DriverRow("x", "mqtt", "esnode.driver.mqtt~x", "FAILED", "<script>alert(1)</script>", true,
                false, "tcp://h'\"&", 0, "<img src=x onerror=alert(2)>", Map.of(), 0, 0, 0);
        String html = ConsolePage.render(List.of(evil), List.of(new PointRow("x", "<b>p</b>", Map.of(), 1, "", "GOOD", 0)),
                List.of(), Set.of("mqtt"), "<i>msg</i>", false, "/system/console/esnode", "tok", T0);
        assertFalse(html.contains("<script>"), html);
        assertFalse(html.contains("<img"), html);
        assertFalse(html.contains("<b>p"), html);
        assertFalse(html.contains("<i>msg"), html);
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), html);
        assertTrue(html.contains("tcp://h&#39;&quot;&amp;"), html);
        assertTrue(html.contains("<input type='hidden' name='token' value='tok'>"), html);
        assertTrue(html.contains("data-action='disable:x'"), html);
    }

    @Test
    void textTableKeepsEachRowOnOneLine() {
        String t = new TextTable("A", "B").row("x\ny", "z").toString();
        assertEquals("A    B\nx y  z\n", t);
    }
}
