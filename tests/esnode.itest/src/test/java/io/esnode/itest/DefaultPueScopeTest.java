package io.esnode.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.esnode.api.pue.PueView;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/** Without any esnode.pue configuration a default "site" scope runs; a configured scope replaces it. */
class DefaultPueScopeTest {
    private final BundleContext context = FrameworkUtil.getBundle(getClass()).getBundleContext();

    @Test
    void siteScopeExistsWithoutConfigurationAndGivesWayToConfiguredScopes() throws Exception {
        ConfigurationAdmin cm = context.getService(context.getServiceReference(ConfigurationAdmin.class));
        List<Hashtable<String, Object>> saved = new ArrayList<>();
        Configuration[] existing = cm.listConfigurations("(service.factoryPid=esnode.pue)");
        if (existing != null) {
            for (Configuration c : existing) {
                Hashtable<String, Object> p = new Hashtable<>();
                c.getProperties().keys().asIterator().forEachRemaining(k -> p.put(k, c.getProperties().get(k)));
                saved.add(p);
                c.delete();
            }
        }
        try {
            assertEquals("[site]", awaitScopes("[site]"));
            Configuration hall = cm.getFactoryConfiguration("esnode.pue", "hall1", "?");
            Hashtable<String, Object> props = new Hashtable<>();
            props.put("scope", "hall1");
            hall.update(props);
            assertEquals("[hall1]", awaitScopes("[hall1]"));
            hall.delete();
            assertEquals("[site]", awaitScopes("[site]"));
        } finally {
            for (Hashtable<String, Object> p : saved) {
                cm.getFactoryConfiguration("esnode.pue", String.valueOf(p.get("scope")), "?").update(p);
            }
        }
    }

    private String awaitScopes(String expected) throws Exception {
        long deadline = System.currentTimeMillis() + 10_000;
        String scopes = "";
        while (System.currentTimeMillis() < deadline) {
            TreeSet<String> names = new TreeSet<>();
            ServiceReference<?>[] refs = context.getServiceReferences(PueView.class.getName(), null);
            if (refs != null) {
                for (ServiceReference<?> r : refs) {
                    PueView v = (PueView) context.getService(r);
                    if (v != null) {
                        names.add(v.scope());
                        context.ungetService(r);
                    }
                }
            }
            scopes = names.toString();
            if (scopes.equals(expected)) {
                return scopes;
            }
            Thread.sleep(50);
        }
        return scopes;
    }
}
