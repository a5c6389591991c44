package io.esnode.demo;

import io.moquette.BrokerConstants;
import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import java.io.IOException;
import java.util.Properties;

/** A Moquette MQTT 3.1.1 broker on a loopback port, in memory, anonymous, with no telemetry or websocket. */
final class EmbeddedBroker implements AutoCloseable {
    private final Server server = new Server();

    EmbeddedBroker(String host, int port) throws IOException {
        Properties p = new Properties();
        p.setProperty(BrokerConstants.HOST_PROPERTY_NAME, host);
        p.setProperty(BrokerConstants.PORT_PROPERTY_NAME, Integer.toString(port));
        p.setProperty(BrokerConstants.WEB_SOCKET_PORT_PROPERTY_NAME, BrokerConstants.DISABLED_PORT_BIND);
        p.setProperty(BrokerConstants.ALLOW_ANONYMOUS_PROPERTY_NAME, "true");
        p.setProperty(BrokerConstants.PERSISTENCE_ENABLED_PROPERTY_NAME, "false");
        // Moquette would otherwise report usage to a remote server: this machine talks to loopback only
        p.setProperty(BrokerConstants.ENABLE_TELEMETRY_NAME, "false");
        p.setProperty(BrokerConstants.METRICS_ENABLE_PROPERTY_NAME, "false");
        p.setProperty(BrokerConstants.BUGSNAG_ENABLE_PROPERTY_NAME, "false");
        p.setProperty(BrokerConstants.NETTY_EPOLL_PROPERTY_NAME, "false");
        server.startServer(new MemoryConfig(p));
    }

    @Override
    public void close() {
        server.stopServer();
    }
}
