package io.esnode.itest;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.Dictionary;
import java.util.Hashtable;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/** Small helpers of the console's OSGi tests. */
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

    static Dictionary<String, Object> props(Object... kv) {
        Hashtable<String, Object> d = new Hashtable<>();
        for (int i = 0; i < kv.length; i += 2) {
            d.put((String) kv[i], kv[i + 1]);
        }
        return d;
    }
}
