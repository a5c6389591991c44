package io.esnode.driver.snmp.internal.transport;

import java.util.Date;
import java.util.Timer;
import java.util.TimerTask;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.snmp4j.SNMP4JSettings;
import org.snmp4j.util.CommonTimer;
import org.snmp4j.util.ThreadFactory;
import org.snmp4j.util.TimerFactory;
import org.snmp4j.util.WorkerTask;

/**
 * SNMP4J starts its transport listen thread and its retry timer through static factories. The driver installs
 * these factories once (SNMP4J is embedded, so the settings belong to this bundle alone): every SNMP4J thread is a
 * daemon named after the driver thread that caused it ({@code esnode-snmp-<id>-listen}, {@code …-timer}), so a
 * thread left behind by a driver is visible by name, and each ends when its {@code Snmp}/transport is closed.
 * Also: an agent reports a wrong digest or decryption error in an unauthenticated (noAuthNoPriv) report, which
 * SNMP4J's standard strategy drops (the request then only times out); {@code noAuthNoPrivIfNeeded} lets it through,
 * so a wrong pass-phrase is reported as such. Reports never carry values, so nothing unauthenticated is read.
 */
public final class Snmp4jSetup {
    private static final Logger LOG = Logger.getLogger(Snmp4jSetup.class.getName());
    private static final long JOIN_MILLIS = 2000;
    private static boolean installed; // guarded by Snmp4jSetup.class

    private Snmp4jSetup() {
    }

    public static synchronized void install() {
        if (!installed) {
            SNMP4JSettings.setThreadFactory(new Threads());
            SNMP4JSettings.setTimerFactory(new Timers());
            SNMP4JSettings.setThreadJoinTimeout(JOIN_MILLIS);
            SNMP4JSettings.setReportSecurityLevelStrategy(SNMP4JSettings.ReportSecurityLevelStrategy.noAuthNoPrivIfNeeded);
            installed = true;
        }
    }

    /** {@code esnode-snmp-<id>} when called on a driver thread {@code esnode-snmp-<id>-N}, else {@code esnode-snmp}. */
    static String ownerPrefix() {
        String n = Thread.currentThread().getName();
        if (!n.startsWith("esnode-snmp")) {
            return "esnode-snmp";
        }
        int dash = n.lastIndexOf('-');
        return dash > 0 && n.substring(dash + 1).chars().allMatch(Character::isDigit) ? n.substring(0, dash) : n;
    }

    private static final class Threads implements ThreadFactory {
        @Override
        public WorkerTask createWorkerThread(String name, WorkerTask task, boolean daemon) {
            Thread t = new Thread(task, ownerPrefix() + "-listen");
            t.setDaemon(true);
            t.setUncaughtExceptionHandler((th, e) -> LOG.log(Level.SEVERE, "uncaught exception in " + th.getName(), e));
            return new WorkerTask() {
                @Override
                public void run() {
                    t.start();
                }

                @Override
                public void terminate() {
                    task.terminate();
                }

                @Override
                public void join() throws InterruptedException {
                    t.join(JOIN_MILLIS);
                }

                @Override
                public void interrupt() {
                    t.interrupt();
                }
            };
        }
    }

    private static final class Timers implements TimerFactory {
        @Override
        public CommonTimer createTimer() {
            Timer timer = new Timer(ownerPrefix() + "-timer", true);
            return new CommonTimer() {
                @Override
                public void schedule(TimerTask task, long delay) {
                    timer.schedule(task, delay);
                }

                @Override
                public void schedule(TimerTask task, Date firstTime, long period) {
                    timer.schedule(task, firstTime, period);
                }

                @Override
                public void schedule(TimerTask task, long delay, long period) {
                    timer.schedule(task, delay, period);
                }

                @Override
                public void cancel() {
                    timer.cancel();
                }
            };
        }
    }
}
