package io.esnode.demo;

import io.esnode.demo.modbus.ModbusMeterSimulator;
import io.esnode.demo.snmp.PduAgentSimulator;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's field side: an embedded MQTT broker plus a publisher that sends the simulated racks' readings every
 * second, a Modbus TCP facility main meter and an SNMP rack PDU. Usage: {@code FacilitySimulator [--port 1884]
 * [--host 127.0.0.1] [--modbus-port 1502] [--snmp-port 1161]}; stops on SIGTERM.
 */
public final class FacilitySimulator {
    private static final Logger LOG = LoggerFactory.getLogger(FacilitySimulator.class);
    /** About what the simulated PDU's eight outlets draw together. */
    private static final double PDU_WATTS = 3870;

    private FacilitySimulator() {
    }

    public static void main(String[] args) throws Exception {
        String host = "127.0.0.1";
        int port = 1884;
        int modbusPort = 1502;
        int snmpPort = 1161;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port":
                    port = Integer.parseInt(value(args, ++i, "--port"));
                    break;
                case "--modbus-port":
                    modbusPort = Integer.parseInt(value(args, ++i, "--modbus-port"));
                    break;
                case "--snmp-port":
                    snmpPort = Integer.parseInt(value(args, ++i, "--snmp-port"));
                    break;
                case "--host":
                    host = value(args, ++i, "--host");
                    break;
                case "--help":
                    System.out.println("usage: FacilitySimulator [--port 1884] [--host 127.0.0.1] [--modbus-port 1502]"
                            + " [--snmp-port 1161]");
                    return;
                default:
                    System.err.println("unknown argument: " + args[i] + " (try --help)");
                    System.exit(2);
            }
        }
        run(host, port, modbusPort, snmpPort);
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            LOG.debug("closing {}: {}", c, e.toString());
        }
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            System.err.println(option + " needs a value");
            System.exit(2);
        }
        return args[i];
    }

    private static void run(String host, int port, int modbusPort, int snmpPort) throws Exception {
        EmbeddedBroker broker = new EmbeddedBroker(host, port);
        FacilityPublisher publisher = new FacilityPublisher("tcp://" + host + ":" + port);
        LOG.info("MQTT 3.1.1 broker on {}:{}; publishing {}# every second", host, port, FacilityPublisher.PREFIX);
        long start = System.nanoTime();
        FacilityModel model = new FacilityModel();
        // the main meter sees the MQTT racks and the SNMP PDU's outlets, times the PUE
        AutoCloseable meter = ModbusMeterSimulator.start(modbusPort, () -> {
            double seconds = (System.nanoTime() - start) / 1e9;
            return (model.itWatts(seconds) + PDU_WATTS) * model.pue(seconds) / 1000;
        });
        AutoCloseable pdu = PduAgentSimulator.start(snmpPort);
        LOG.info("Modbus TCP main meter on 127.0.0.1:{}; SNMP rack PDU on udp 127.0.0.1:{}", modbusPort, snmpPort);

        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "esnode-demo-publisher");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleAtFixedRate(() -> {
            try {
                publisher.publishSnapshot((System.nanoTime() - start) / 1e9);
            } catch (Exception e) {
                LOG.warn("publish failed: {}", e.toString());
            }
        }, 0, 1, TimeUnit.SECONDS);

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            ticker.shutdownNow();
            try {
                publisher.close();
            } catch (Exception e) {
                LOG.debug("closing the publisher: {}", e.toString());
            }
            closeQuietly(meter);
            closeQuietly(pdu);
            broker.close();
            LOG.info("simulator stopped");
            stopped.countDown();
        }, "esnode-demo-shutdown"));
        stopped.await();
    }
}
