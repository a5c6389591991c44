package io.esnode.lifecycle;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops the OSGi framework when the JVM is told to exit (SIGTERM from systemd, Ctrl-C): the bnd launcher does
 * not, so without this no component would deactivate, close its connections or flush its state.
 */
@Component(immediate = true)
public final class GracefulShutdown {
    static final long STOP_TIMEOUT_MILLIS = 20_000L;
    private static final Logger LOG = LoggerFactory.getLogger(GracefulShutdown.class);

    private final Bundle systemBundle;
    private final LogSetup logSetup;
    private final Thread hook;

    /** @param logSetup referenced so that logging is set up before, and torn down after, this component */
    @Activate
    public GracefulShutdown(BundleContext context, @Reference LogSetup logSetup) {
        this.logSetup = logSetup;
        systemBundle = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION);
        hook = new Thread(this::stopFramework, "esnode-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    @Deactivate
    void deactivate() {
        if (!ShutdownSafeHandler.jvmShuttingDown()) {
            // a normal framework stop (gogo "stop 0", bundle update): the JVM goes on, so must not keep the hook
            Runtime.getRuntime().removeShutdownHook(hook);
        }
    }

    private void stopFramework() {
        LOG.info("JVM shutdown requested: stopping all bundles");
        try {
            systemBundle.stop();
        } catch (BundleException | IllegalStateException e) {
            LOG.warn("cannot stop the framework: {}", e.toString());
            return;
        }
        if (awaitStopped(systemBundle, STOP_TIMEOUT_MILLIS)) {
            LOG.info("ESNODE gateway stopped");
            logSetup.closeFileAfterShutdown();
        } else {
            LOG.warn("ESNODE gateway did not stop within {} s; exiting anyway", STOP_TIMEOUT_MILLIS / 1000);
        }
    }

    /** Waits until the framework has left STARTING/ACTIVE/STOPPING (it is RESOLVED once fully stopped). */
    static boolean awaitStopped(Bundle framework, long timeoutMillis) {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        while ((framework.getState() & (Bundle.STARTING | Bundle.ACTIVE | Bundle.STOPPING)) != 0) {
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
