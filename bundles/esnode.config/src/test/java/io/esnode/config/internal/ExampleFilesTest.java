package io.esnode.config.internal;

import static io.esnode.config.internal.MapperFixture.map;
import static io.esnode.config.internal.MapperFixture.render;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The files shipped in runtime/src/dist/etc map without errors to what their comments promise. */
class ExampleFilesTest {
    private static final Path ETC = Path.of("../../runtime/src/dist/etc");

    @Test
    void siteTemplateMapsToMetricsAndTheSitePueWhileItsDriverIsDisabled() throws Exception {
        assertEquals("""
                esnode.metrics @19 {bind_address=String:0.0.0.0, port=Integer:9100}
                esnode.pue~site @91 {facility=String[]:[pue_role=facility], it=String[]:[pue_role=it], \
                max_ratio=Double:10.0, scope=String:site}""", render(map(read("esnode.toml"))));
    }

    @Test
    void siteTemplateDriverIsCompleteOnceEnabled() throws Exception {
        String enabled = read("esnode.toml").replace("enabled = false ", "enabled = true  ");
        assertEquals("esnode.driver.mqtt~site-mqtt @30 {broker_url=String:tcp://127.0.0.1:1883, "
                + "client_id=String:esnode-site-mqtt, id=String:site-mqtt, keep_alive=Integer:30, "
                + "mqtt_version=String:5, points=String[]:["
                + "name=inlet_temperature;topic=dc1/racks/{rack}/temp_inlet;path=$.value;quantity=temperature;unit=C;"
                + "label.room=hall-a, "
                + "name=it_power;topic=dc1/power/it;path=$.watts;quantity=power;unit=W;pue_role=it, "
                + "name=facility_power;topic=dc1/power/facility;path=$.kw;quantity=power;unit=kW;pue_role=facility], "
                + "qos=Integer:1}", render(map(enabled)).lines().filter(l -> l.startsWith("esnode.driver"))
                        .findFirst().orElse("no driver entry"));
    }

    @Test
    void demoConfigurationMaps() throws Exception {
        assertEquals("esnode.driver.mqtt~demo-mqtt esnode.driver.modbus~demo-modbus esnode.driver.snmp~demo-pdu"
                + " esnode.metrics org.apache.felix.http esnode.pue~site", String.join(" ",
                map(read("demo.toml")).stream().map(ConfigEntry::label).toList()));
    }

    private static String read(String name) throws IOException {
        return Files.readString(ETC.resolve(name));
    }
}
