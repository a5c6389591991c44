package io.esnode.console;

import io.esnode.console.internal.CommandText;
import io.esnode.console.internal.KeyValues;
import java.util.Arrays;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Gogo shell commands of scope {@code esnode}. Each returns the text to print; a failure throws an
 * {@link IllegalArgumentException} whose message is one line (Gogo prints it). Plain public methods: Gogo finds
 * them by the {@code osgi.command.*} properties, so no Gogo API is imported.
 */
@Component(service = EsnodeCommands.class, property = {
    "osgi.command.scope=esnode",
    "osgi.command.function=drivers", "osgi.command.function=points", "osgi.command.function=pue",
    "osgi.command.function=create", "osgi.command.function=delete", "osgi.command.function=restart",
    "osgi.command.function=enable", "osgi.command.function=disable", "osgi.command.function=reload",
    "osgi.command.function=config"})
public final class EsnodeCommands {
    private final DriverAdmin admin;

    @Activate
    public EsnodeCommands(@Reference DriverAdmin admin) {
        this.admin = admin;
    }

    /** Lists every driver instance: protocol, target, state, last success and error, error counts, points, latency. */
    public String drivers() {
        return CommandText.drivers(admin.drivers());
    }

    /** The latest value of every point. */
    public String points() {
        return CommandText.points(admin.points(null));
    }

    /** The latest value of every point of one driver. */
    public String points(String driver) {
        return CommandText.points(admin.points(driver));
    }

    /** PUE scopes with their input selectors, IT and facility power and ratio. */
    public String pue() {
        return CommandText.pue(admin.pue());
    }

    /** {@code create <protocol> <id> key=value…}: a new driver instance (factory configuration, name = id). */
    public String create(String protocol, String id, String... keyValues) {
        return admin.create(protocol, id, KeyValues.parse(Arrays.asList(keyValues)));
    }

    public String delete(String id) {
        return admin.delete(id);
    }

    public String restart(String id) {
        return admin.restart(id);
    }

    public String enable(String id) {
        return admin.enable(id);
    }

    public String disable(String id) {
        return admin.disable(id);
    }

    /** Makes esnode.config re-read etc/esnode.toml now. */
    public String reload() {
        return admin.reload();
    }

    /** A driver's configuration, secrets masked. */
    public String config(String id) {
        return CommandText.configuration(admin.configuration(id));
    }
}
