package io.esnode.console.internal;

import static io.esnode.console.internal.Html.escape;

import java.util.List;
import java.util.Set;

/** The HTML of the ESNODE Web Console page (inside the console's own frame); every value is escaped. */
public final class ConsolePage {
    private ConsolePage() {
    }

    public static String render(List<DriverRow> drivers, List<PointRow> points, List<PueRow> pue, Set<String> protocols,
                                String message, boolean ok, String pluginRoot, String token, long nowMillis) {
        StringBuilder h = new StringBuilder(8192);
        h.append("<style>#esnode td,#esnode th{padding:2px 6px} #esnode .bad{color:#a00} #esnode .good{color:#070}"
                + " #esnode form.inline{display:inline} #esnode h2{margin-top:1.2em}</style>\n<div id='esnode'>\n");
        if (message != null && !message.isEmpty()) {
            h.append("<p id='esnode-message' class='statline ").append(ok ? "good" : "bad").append("'>")
                    .append(escape(message)).append("</p>\n");
        }
        drivers(h, drivers, pluginRoot, token);
        createForm(h, protocols, pluginRoot, token);
        points(h, points);
        pue(h, pue);
        h.append("<p class='statline'>Rendered ").append(escape(Format.time(nowMillis))).append("</p>\n</div>\n");
        return h.toString();
    }

    private static void drivers(StringBuilder h, List<DriverRow> rows, String root, String token) {
        h.append("<h2>Drivers (").append(rows.size()).append(")</h2>\n<table id='esnode-drivers' class='nicetable'>"
                + "<thead><tr><th>ID</th><th>Protocol</th><th>Target</th><th>State</th><th>Last success</th>"
                + "<th>Last error</th><th>Errors</th><th>Points</th><th>Latency</th><th>Actions</th></tr></thead><tbody>\n");
        for (DriverRow r : rows) {
            boolean up = r.state().equals("CONNECTED") || r.state().equals("DEGRADED");
            h.append("<tr data-driver='").append(escape(r.id())).append("'><td>").append(escape(r.id()))
                    .append("</td><td>").append(escape(r.protocol())).append("</td><td>").append(escape(r.target()))
                    .append("</td><td class='state ").append(up ? "good" : "bad").append("'>").append(escape(r.state()));
            if (!r.detail().isEmpty()) {
                h.append("<br><small>").append(escape(r.detail())).append("</small>");
            }
            h.append("</td><td>").append(escape(Format.time(r.lastSuccessMillis()))).append("</td><td>")
                    .append(escape(r.lastError())).append("</td><td>").append(escape(Format.errors(r.errorsByKind())))
                    .append("</td><td>").append(r.points()).append("</td><td>")
                    .append(escape(Format.millis(r.meanLatencyMillis()))).append("</td><td>");
            if (!r.pid().isEmpty()) {
                button(h, root, token, r.enabled() ? "disable" : "enable", r.id());
                if (r.enabled()) {
                    button(h, root, token, "restart", r.id());
                }
                button(h, root, token, "delete", r.id());
            }
            h.append("</td></tr>\n");
        }
        h.append("</tbody></table>\n");
    }

    private static void button(StringBuilder h, String root, String token, String action, String id) {
        h.append("<form class='inline' method='post' action='").append(escape(root)).append("'>")
                .append(hidden("token", token)).append(hidden("action", action)).append(hidden("id", id))
                .append("<button type='submit' name='do' value='").append(escape(action)).append("' data-action='")
                .append(escape(action + ":" + id)).append("'>").append(escape(action)).append("</button></form> ");
    }

    private static void createForm(StringBuilder h, Set<String> protocols, String root, String token) {
        h.append("<h2>Create a driver</h2>\n<form id='esnode-create' method='post' action='").append(escape(root))
                .append("'>").append(hidden("token", token)).append(hidden("action", "create"))
                .append("<p><label>Protocol <select name='protocol'>");
        for (String p : protocols) {
            h.append("<option value='").append(escape(p)).append("'>").append(escape(p)).append("</option>");
        }
        h.append("</select></label> <label>ID <input name='id' size='20' required></label></p>\n"
                + "<p><label>Configuration, one key=value per line (points= may repeat)<br>"
                + "<textarea name='properties' rows='6' cols='100' placeholder='broker_url=tcp://127.0.0.1:1883\n"
                + "points=name=inlet;topic=dc/rack/{rack}/temp;path=$.t;quantity=temperature;unit=C'></textarea>"
                + "</label></p>\n<p><button type='submit' id='esnode-create-submit'>Create</button></p></form>\n");
    }

    private static void points(StringBuilder h, List<PointRow> rows) {
        h.append("<h2>Points (").append(rows.size()).append(")</h2>\n<table id='esnode-points' class='nicetable'>"
                + "<thead><tr><th>Driver</th><th>Point</th><th>Labels</th><th>Value</th><th>Unit</th><th>Quality</th>"
                + "<th>Age</th></tr></thead><tbody>\n");
        for (PointRow r : rows) {
            h.append("<tr><td>").append(escape(r.driver())).append("</td><td>").append(escape(r.point()))
                    .append("</td><td>").append(escape(Format.labels(r.labels()))).append("</td><td class='value'>")
                    .append(escape(Format.number(r.value()))).append("</td><td>").append(escape(r.unit()))
                    .append("</td><td>").append(escape(r.quality())).append("</td><td>")
                    .append(escape(Format.age(r.ageMillis()))).append("</td></tr>\n");
        }
        h.append("</tbody></table>\n");
    }

    private static void pue(StringBuilder h, List<PueRow> rows) {
        h.append("<h2>PUE</h2>\n<table id='esnode-pue' class='nicetable'><thead><tr><th>Scope</th><th>PUE</th>"
                + "<th>IT power (W)</th><th>Facility power (W)</th><th>Status</th><th>IT inputs</th><th>Facility inputs</th></tr>"
                + "</thead><tbody>\n");
        for (PueRow r : rows) {
            h.append("<tr><td>").append(escape(r.scope())).append("</td><td class='value'>")
                    .append(escape(Format.number(r.ratio()))).append("</td><td>").append(escape(Format.number(r.itWatts())))
                    .append("</td><td>").append(escape(Format.number(r.facilityWatts()))).append("</td><td>").append(escape(r.status()))
                    .append("</td><td>").append(escape(CommandText.inputs(r.itSelectors(), r.itInputs())))
                    .append("</td><td>").append(escape(CommandText.inputs(r.facilitySelectors(), r.facilityInputs())))
                    .append("</td></tr>\n");
        }
        h.append("</tbody></table>\n");
    }

    private static String hidden(String name, String value) {
        return "<input type='hidden' name='" + escape(name) + "' value='" + escape(value) + "'>";
    }
}
