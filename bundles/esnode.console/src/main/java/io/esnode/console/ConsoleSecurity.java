package io.esnode.console;

import io.esnode.api.util.RateLimitedLog;
import io.esnode.console.internal.AdminPassword;
import io.esnode.console.internal.BasicCredentials;
import io.esnode.console.internal.LoginCheck;
import io.esnode.console.internal.AuthFailureCollector;
import io.prometheus.client.Collector;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Hashtable;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.felix.webconsole.spi.SecurityProvider;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Web Console's only way in: HTTP Basic against the admin user and a PBKDF2 password hash (configured password,
 * else {@code <esnode.data.dir>/console-admin.hash}, else generated at first start and printed once on stdout).
 * A password that cannot be had (an unset {@code ${env:…}}, a corrupt hash file) locks the console: the provider
 * stays registered and refuses everyone, so the Web Console cannot fall back to its own admin/admin.
 * The runtime sets {@code felix.webconsole.security.providers=esnode}, so the Web Console serves nothing until
 * this provider is registered and never falls back to its built-in admin/admin. Wrong credentials get 401 and are
 * counted in {@code esnode_console_auth_failures_total}, a Collector registered by hand while this provider is
 * active: this class needs the Web Console API, so it must not be a service that the exporter loads in a runtime
 * without the Web Console.
 */
@Component(configurationPid = ConsoleSecurity.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL,
        service = SecurityProvider.class, immediate = true,
        property = {SecurityProvider.PROPERTY_ID + "=" + ConsoleSecurity.PROVIDER_ID, "service.ranking:Integer=1000"})
@Designate(ocd = ConsoleSecurity.Config.class)
public final class ConsoleSecurity implements SecurityProvider {
    public static final String PID = "esnode.console";
    public static final String PROVIDER_ID = "esnode";
    static final String DATA_DIR_PROPERTY = "esnode.data.dir";
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleSecurity.class);

    @ObjectClassDefinition(name = "ESNODE console security",
            description = "Login of the Felix Web Console (HTTP Basic). Without a password one is generated at first"
                    + " start, printed once on stdout and kept as a salted PBKDF2 hash in <data>/console-admin.hash.")
    public @interface Config {
        @AttributeDefinition(name = "Admin user", description = "User name of the console administrator")
        String admin__user() default "admin";

        @AttributeDefinition(name = "Admin password", type = AttributeType.PASSWORD, required = false,
                description = "Password, or ${env:NAME} to read it from an environment variable. Empty: the hash"
                        + " file (generated at first start).")
        String admin__password() default "";

        @AttributeDefinition(name = "Realm", description = "Realm shown by the browser's login dialog")
        String realm() default "ESNODE";
    }

    private final LoginCheck check;
    private final String challenge;
    private final AtomicLong failures = new AtomicLong();
    private final RateLimitedLog failureLog = new RateLimitedLog(60_000);
    private final ServiceRegistration<Collector> metrics;

    @Activate
    public ConsoleSecurity(BundleContext context, Config config) {
        String dataDir = context.getProperty(DATA_DIR_PROPERTY);
        Path data = Path.of(dataDir == null || dataDir.isBlank() ? "data" : dataDir.trim());
        LoginCheck login;
        String origin;
        try {
            AdminPassword admin = AdminPassword.resolve(config.admin__password(), System::getenv, data,
                    new SecureRandom());
            if (admin.generatedPassword() != null) {
                // printed once, on stdout only (log files are kept and shipped; the output of a first start is not)
                System.out.println("ESNODE console: generated password for user '" + config.admin__user() + "': "
                        + admin.generatedPassword() + "  (stored hashed in " + data.resolve(AdminPassword.HASH_FILE)
                        + "; set esnode.console admin_password to choose one)");
            }
            login = new LoginCheck(config.admin__user(), admin.storedHash());
            origin = admin.origin();
        } catch (IllegalArgumentException | IOException e) {
            // fail closed: were this provider missing, the Web Console would fall back to its admin/admin provider
            LOG.error("console locked, every login is refused: {}", e.getMessage());
            login = LoginCheck.DENY_ALL;
            origin = "nowhere (locked)";
        }
        check = login;
        challenge = "Basic realm=\"" + config.realm().replace("\"", "'") + "\", charset=\"UTF-8\"";
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("esnode.collector.name", "console");
        metrics = context.registerService(Collector.class, new AuthFailureCollector(failures), props);
        LOG.info("console security active: user {}, password from {}", config.admin__user(), origin);
    }

    @Deactivate
    void deactivate() {
        try {
            metrics.unregister();
        } catch (IllegalStateException alreadyUnregistered) {
            // the framework removed it while stopping the bundle
        }
    }

    @Override
    public Object authenticate(HttpServletRequest request, HttpServletResponse response) {
        BasicCredentials credentials = BasicCredentials.parse(request.getHeader("Authorization"));
        if (credentials != null && check.matches(credentials)) {
            return credentials.user();
        }
        if (credentials != null) {
            failures.incrementAndGet();
            long suppressed = failureLog.allow("login");
            if (suppressed >= 0) {
                LOG.warn("console login failed from {}{}", request.getRemoteAddr(),
                        suppressed > 0 ? " (" + suppressed + " more failures not logged)" : "");
            }
        }
        response.setHeader("WWW-Authenticate", challenge);
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setContentType("text/plain;charset=UTF-8");
        try {
            response.getWriter().write("401 Unauthorized\n");
            response.flushBuffer();
        } catch (IOException | IllegalStateException clientGone) {
            // nothing to tell a client that went away
        }
        return null;
    }

    @Override
    public boolean authorize(Object user, String role) {
        return user != null;
    }

    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response) {
        // HTTP Basic has no server-side session to end
    }

}
