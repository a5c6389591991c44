package io.esnode.itest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * Runs commands through the real Gogo runtime's CommandProcessor, reflectively so that the tests bundle does not
 * import the Gogo API (itest.bndrun has no Gogo). A command's failure is rethrown as the command's own exception.
 */
final class Gogo {
    private final Object session;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final Method execute;

    Gogo(BundleContext context) throws Exception {
        ServiceReference<?> ref = context.getServiceReference("org.apache.felix.service.command.CommandProcessor");
        if (ref == null) {
            throw new AssertionError("Gogo runtime is not running");
        }
        Object processor = context.getService(ref);
        ClassLoader gogo = processor.getClass().getClassLoader();
        Class<?> processorType = Class.forName("org.apache.felix.service.command.CommandProcessor", false, gogo);
        Class<?> sessionType = Class.forName("org.apache.felix.service.command.CommandSession", false, gogo);
        session = processorType.getMethod("createSession", java.io.InputStream.class, java.io.OutputStream.class,
                java.io.OutputStream.class).invoke(processor, new ByteArrayInputStream(new byte[0]),
                out, out);
        execute = sessionType.getMethod("execute", CharSequence.class);
        // as the Gogo shell does, so that "$.context bundle 12" gives a Bundle for felix:update and the like
        sessionType.getMethod("put", String.class, Object.class).invoke(session, ".context", context);
    }

    /** What the commands printed so far (Gogo's own commands print their errors instead of throwing). */
    String output() {
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The command's result as text. */
    String run(String command) throws Exception {
        try {
            return String.valueOf(execute.invoke(session, command));
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** The message of the exception the command fails with. */
    String error(String command) throws Exception {
        try {
            String out = run(command);
            throw new AssertionError("expected '" + command + "' to fail, it printed: " + out);
        } catch (IllegalArgumentException expected) {
            return expected.getMessage();
        }
    }
}
