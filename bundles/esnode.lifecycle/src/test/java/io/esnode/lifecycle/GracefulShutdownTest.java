package io.esnode.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.apache.felix.framework.FrameworkFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;

class GracefulShutdownTest {
    @TempDir
    Path storage;

    private Framework startFramework() throws Exception {
        Framework framework = new FrameworkFactory().newFramework(Map.of(
                Constants.FRAMEWORK_STORAGE, storage.toString(),
                Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT));
        framework.start();
        return framework;
    }

    @Test
    void awaitStoppedReturnsOnceTheStoppedFrameworkIsResolved() throws Exception {
        Framework framework = startFramework();
        framework.stop();
        assertTrue(GracefulShutdown.awaitStopped(framework, GracefulShutdown.STOP_TIMEOUT_MILLIS));
        assertEquals(Bundle.RESOLVED, framework.getState());
    }

    @Test
    void awaitStoppedGivesUpAfterTheTimeoutWhileTheFrameworkRuns() throws Exception {
        Framework framework = startFramework();
        try {
            long start = System.nanoTime();
            assertFalse(GracefulShutdown.awaitStopped(framework, 200));
            long elapsedMillis = (System.nanoTime() - start) / 1_000_000L;
            assertTrue(elapsedMillis >= 200 && elapsedMillis < 2_000, "waited " + elapsedMillis + " ms");
            assertEquals(Bundle.ACTIVE, framework.getState());
        } finally {
            framework.stop();
            framework.waitForStop(10_000);
        }
    }
}
