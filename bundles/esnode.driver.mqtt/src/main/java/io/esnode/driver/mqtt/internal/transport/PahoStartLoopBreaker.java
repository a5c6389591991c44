package io.esnode.driver.mqtt.internal.transport;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Works around a Paho 1.2.5 bug (eclipse-paho/paho.mqtt.java issues 856 and 953, same code in mqttv3 and
 * mqttv5): the connect task starts the receiver, sender and callback tasks and then waits, polling every 100 ms
 * and swallowing interrupts, until each one reports RUNNING. When the broker or TLS peer closes the connection
 * right after it was opened (for example a client certificate refused after a TLS 1.3 handshake), the receiver
 * has already finished before the first poll and the connect task spins forever on one of our pool threads.
 *
 * <p>After a client has been closed, and only while its connect task is still alive, this marks its stopped
 * tasks as RUNNING so the loop ends; the connect task then fails as it should (its CONNECT cannot be sent on the
 * closed client), stops those tasks again and its thread returns to the pool. The embedded Paho version is
 * fixed, so the private field names used here cannot change under us.
 */
final class PahoStartLoopBreaker {
    private static final Logger LOG = LoggerFactory.getLogger(PahoStartLoopBreaker.class);
    private static final long MAX_WAIT_MILLIS = 3000;
    private static final String[] COMPONENTS = {"receiver", "sender", "callback"};

    private PahoStartLoopBreaker() {
    }

    /**
     * The receiver, sender and callback of a client, taken before it is closed (closing clears those fields while
     * a stuck connect task still waits on them).
     */
    static List<Object> components(Object client) {
        List<Object> out = new ArrayList<>();
        try {
            Object comms = field(client.getClass(), "comms").get(client);
            for (String name : COMPONENTS) {
                Object component = field(comms.getClass(), name).get(comms);
                if (component != null) {
                    out.add(component);
                }
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.debug("cannot read Paho client internals: {}", e.toString());
        }
        return out;
    }

    /** Returns once no connect task of the closed {@code client} is running (or after a bounded wait). */
    static void release(Object client, List<Object> componentsBeforeClose, String clientId) {
        long deadline = System.currentTimeMillis() + MAX_WAIT_MILLIS;
        while (connectTaskRunning(clientId)) {
            if (System.currentTimeMillis() > deadline) {
                LOG.warn("MQTT client {}: Paho connect task still running after {} ms", clientId, MAX_WAIT_MILLIS);
                return;
            }
            List<Object> all = new ArrayList<>(componentsBeforeClose);
            all.addAll(components(client)); // the connect task may have created new ones meanwhile
            try {
                for (Object component : all) {
                    markStoppedTaskRunning(component);
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                LOG.warn("MQTT client {}: cannot end a stuck Paho connect task: {}", clientId, e.toString());
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void markStoppedTaskRunning(Object component) throws ReflectiveOperationException {
        Object lifecycle = field(component.getClass(), "lifecycle").get(component);
        Field current = field(component.getClass(), "current_state");
        Field target = field(component.getClass(), "target_state");
        synchronized (lifecycle) {
            Object running = enumConstant(current.getType(), "RUNNING");
            Object stopped = enumConstant(current.getType(), "STOPPED");
            if (current.get(component) == stopped) {
                // the task ended (or never ran): report it running so that the waiting start() returns
                target.set(component, running);
                current.set(component, running);
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumConstant(Class<?> type, String name) {
        return Enum.valueOf((Class<? extends Enum>) type, name);
    }

    private static boolean connectTaskRunning(String clientId) {
        String name = "MQTT Con: " + clientId;
        for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
            if (!e.getKey().getName().equals(name)) {
                continue;
            }
            for (StackTraceElement el : e.getValue()) {
                if (el.getClassName().endsWith("ClientComms$ConnectBG") && el.getMethodName().equals("run")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Field field(Class<?> type, String name) throws NoSuchFieldException {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(name);
                f.setAccessible(true);
                return f;
            } catch (NoSuchFieldException e) {
                // look in the superclass
            }
        }
        throw new NoSuchFieldException(name);
    }
}
