package io.esnode.itest;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.esnode.api.Driver;
import io.esnode.api.DriverState;
import java.util.Dictionary;
import java.util.Hashtable;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;

/** Small helpers of the OSGi tests. */
final class ItestSupport {
    private ItestSupport() {
    }

    static Bundle bundle(BundleContext context, String bsn) {
        for (Bundle b : context.getBundles()) {
            if (bsn.equals(b.getSymbolicName())) {
                return b;
            }
        }
        return null;
    }

    static <T> T service(BundleContext context, Class<T> type) throws InterruptedException {
        ServiceTracker<T, T> t = new ServiceTracker<>(context, type, null);
        t.open();
        T s = t.waitForService(10_000);
        assertNotNull(s, type.getName() + " not available");
        return s;
    }

    /** Waits up to 10 s for a service of a class name (the console's classes are private to its bundle). */
    static Object awaitService(BundleContext context, String className, String filter) throws Exception {
        Filter f = FrameworkUtil.createFilter("(&(objectClass=" + className + ")" + (filter == null ? "" : filter) + ")");
        ServiceTracker<Object, Object> t = new ServiceTracker<>(context, f, null);
        t.open();
        Object s = t.waitForService(10_000);
        assertNotNull(s, className + " " + (filter == null ? "" : filter) + " not available");
        return s;
    }

    /** Waits up to 15 s for the driver service with this id to reach {@code state}, and returns it. */
    static Driver awaitDriver(BundleContext context, String id, DriverState state) throws Exception {
        long deadline = System.currentTimeMillis() + 15_000;
        Driver d = null;
        while (System.currentTimeMillis() < deadline) {
            ServiceReference<?>[] refs = context.getServiceReferences(Driver.class.getName(),
                    "(" + Driver.DRIVER_ID + "=" + id + ")");
            if (refs != null) {
                d = (Driver) context.getService(refs[0]);
                if (d != null && d.status().state() == state) {
                    return d;
                }
            }
            Thread.sleep(50);
        }
        assertNotNull(d, "driver " + id + " never registered");
        throw new AssertionError("driver " + id + " never reached " + state + ": " + d.status());
    }

    /** The driver's state, or null when none is registered; the service object is not kept (it would pin its class loader). */
    static DriverState driverState(BundleContext context, String id) throws Exception {
        ServiceReference<?>[] refs = context.getServiceReferences(Driver.class.getName(),
                "(" + Driver.DRIVER_ID + "=" + id + ")");
        if (refs == null) {
            return null;
        }
        try {
            Driver d = (Driver) context.getService(refs[0]);
            return d == null ? null : d.status().state();
        } finally {
            context.ungetService(refs[0]);
        }
    }

    /** Waits up to 15 s until the driver with this id is CONNECTED, without keeping its service object. */
    static void awaitConnected(BundleContext context, String id) throws Exception {
        long deadline = System.currentTimeMillis() + 15_000;
        while (System.currentTimeMillis() < deadline) {
            if (driverState(context, id) == DriverState.CONNECTED) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("driver " + id + " never connected");
    }

    /** Service id of the driver service with this id, or -1 when none is registered. */
    static long driverServiceId(BundleContext context, String id) throws Exception {
        ServiceReference<?>[] refs = context.getServiceReferences(Driver.class.getName(),
                "(" + Driver.DRIVER_ID + "=" + id + ")");
        return refs == null ? -1 : (Long) refs[0].getProperty("service.id");
    }

    /** Waits up to 15 s for a driver service with this id other than {@code notServiceId}; returns its id. */
    static long awaitDriverService(BundleContext context, String id, long notServiceId) throws Exception {
        long deadline = System.currentTimeMillis() + 15_000;
        while (System.currentTimeMillis() < deadline) {
            long sid = driverServiceId(context, id);
            if (sid != -1 && sid != notServiceId) {
                return sid;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("driver " + id + " did not (re)appear");
    }

    static Dictionary<String, Object> props(Object... kv) {
        Hashtable<String, Object> d = new Hashtable<>();
        for (int i = 0; i < kv.length; i += 2) {
            d.put((String) kv[i], kv[i + 1]);
        }
        return d;
    }
}
