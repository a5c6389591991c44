package io.esnode.demo;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/** Publishes one snapshot of the {@link FacilityModel} (retained, QoS 0) with a Paho MQTT 3.1.1 client. */
final class FacilityPublisher implements AutoCloseable {
    static final String PREFIX = "demo/dc1/";
    private final FacilityModel model = new FacilityModel();
    private final MqttClient client;

    FacilityPublisher(String brokerUrl) throws MqttException {
        client = new MqttClient(brokerUrl, "esnode-demo-simulator", new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setAutomaticReconnect(true);
        options.setCleanSession(true);
        client.connect(options);
    }

    void publishSnapshot(double seconds) throws MqttException {
        for (int r = 0; r < FacilityModel.RACKS.size(); r++) {
            String rack = FacilityModel.RACKS.get(r);
            publish("rack/" + rack + "/power", "watts", model.rackWatts(r, seconds));
            publish("rack/" + rack + "/inlet", "celsius", model.inletCelsius(r, seconds));
        }
        publish("facility/power", "kw", model.facilityKilowatts(seconds));
        publish("room/humidity", "percent", model.humidityPercent(seconds));
    }

    private void publish(String topic, String field, double value) throws MqttException {
        String json = String.format(Locale.ROOT, "{\"%s\": %.1f}", field, value);
        MqttMessage message = new MqttMessage(json.getBytes(StandardCharsets.UTF_8));
        message.setQos(0);
        message.setRetained(true);
        client.publish(PREFIX + topic, message);
    }

    @Override
    public void close() throws MqttException {
        if (client.isConnected()) {
            client.disconnect(1_000);
        }
        client.close();
    }
}
