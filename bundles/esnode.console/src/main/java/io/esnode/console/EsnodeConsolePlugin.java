package io.esnode.console;

import io.esnode.console.internal.ConsolePage;
import io.esnode.console.internal.KeyValues;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import org.apache.felix.webconsole.servlet.AbstractServlet;
import org.apache.felix.webconsole.servlet.ServletConstants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The "ESNODE" page of the Felix Web Console: drivers with their health and buttons, the point browser, PUE scopes
 * and a form to create a driver. POSTs go through the same {@link DriverAdmin} as the Gogo commands, then redirect
 * back to the page with the one-line result. Each form carries a token drawn at activation, so another site
 * cannot make a logged-in browser post to it.
 */
@Component(service = Servlet.class, property = {
    ServletConstants.PLUGIN_LABEL + "=" + EsnodeConsolePlugin.LABEL,
    ServletConstants.PLUGIN_TITLE + "=ESNODE",
    ServletConstants.PLUGIN_CATEGORY + "=ESNODE"})
public final class EsnodeConsolePlugin extends AbstractServlet {
    static final String LABEL = "esnode";
    private static final long serialVersionUID = 1L;

    private final transient DriverAdmin admin;
    private final String token;

    @Activate
    public EsnodeConsolePlugin(@Reference DriverAdmin admin) {
        this.admin = admin;
        byte[] t = new byte[16];
        new SecureRandom().nextBytes(t);
        this.token = HexFormat.of().formatHex(t);
    }

    @Override
    public void renderContent(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setCharacterEncoding("UTF-8");
        String message = request.getParameter("msg");
        boolean ok = !"false".equals(request.getParameter("ok"));
        response.getWriter().write(ConsolePage.render(admin.drivers(), admin.points(null), admin.pue(),
                admin.protocols(), message, ok, pluginRoot(request), token, System.currentTimeMillis()));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.setCharacterEncoding("UTF-8");
        String sent = request.getParameter("token");
        if (sent == null || !MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8))) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "missing or wrong form token; reload the page");
            return;
        }
        String action = String.valueOf(request.getParameter("action"));
        String id = trimmed(request.getParameter("id"));
        String message;
        boolean ok = true;
        try {
            message = switch (action) {
                case "create" -> admin.create(trimmed(request.getParameter("protocol")), id,
                        KeyValues.parse(Arrays.asList(trimmed(request.getParameter("properties")).split("\\R"))));
                case "delete" -> admin.delete(id);
                case "disable" -> admin.disable(id);
                case "enable" -> admin.enable(id);
                case "restart" -> admin.restart(id);
                case "reload" -> admin.reload();
                default -> throw new IllegalArgumentException("unknown action '" + action + "'");
            };
        } catch (IllegalArgumentException e) {
            message = e.getMessage();
            ok = false;
        }
        response.sendRedirect(pluginRoot(request) + "?ok=" + ok + "&msg="
                + URLEncoder.encode(message, StandardCharsets.UTF_8));
    }

    private static String pluginRoot(HttpServletRequest request) {
        Object root = request.getAttribute(ServletConstants.ATTR_PLUGIN_ROOT);
        return root != null ? String.valueOf(root) : request.getContextPath() + request.getServletPath() + "/" + LABEL;
    }

    private static String trimmed(String s) {
        return s == null ? "" : s.strip();
    }
}
