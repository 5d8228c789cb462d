package dev.confab.cli.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The result of one run: named figures per target (confab, relay), printed as a table and as JSON. */
final class Report {
    private final String scenario;
    private final Map<String, Object> settings;
    private final Map<String, Map<String, Object>> results = new LinkedHashMap<>();

    Report(String scenario, Map<String, Object> settings) {
        this.scenario = scenario;
        this.settings = settings;
    }

    void add(String target, Map<String, Object> figures) {
        results.put(target, figures);
    }

    Map<String, Object> figures(String target) {
        return results.get(target);
    }

    void print(PrintStream out) {
        out.println();
        out.println("confab bench " + scenario + "  " + settings);
        List<String> targets = List.copyOf(results.keySet());
        out.printf("%-34s", "figure");
        targets.forEach(t -> out.printf("%22s", t));
        out.println();
        Map<String, Map<String, Object>> flat = new LinkedHashMap<>();
        results.forEach((t, m) -> flat.put(t, flatten("", m, new LinkedHashMap<>())));
        var names = new java.util.LinkedHashSet<String>();
        flat.values().forEach(m -> names.addAll(m.keySet()));
        for (String name : names) {
            out.printf("%-34s", name);
            for (String t : targets) {
                Object v = flat.get(t).get(name);
                out.printf("%22s", v == null ? "-" : format(v));
            }
            out.println();
        }
    }

    void writeJson(Path file) throws IOException {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("scenario", scenario);
        doc.put("settings", settings);
        doc.put("results", results);
        doc.put("at", java.time.Instant.now().toString());
        doc.put("java", System.getProperty("java.version"));
        doc.put("cpus", Runtime.getRuntime().availableProcessors());
        Files.writeString(file, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> flatten(String prefix, Map<String, Object> m, Map<String, Object> out) {
        m.forEach((k, v) -> {
            if (v instanceof Map<?, ?> nested) {
                flatten(prefix + k + ".", (Map<String, Object>) nested, out);
            } else {
                out.put(prefix + k, v);
            }
        });
        return out;
    }

    private static String format(Object v) {
        if (v instanceof Double d) {
            return d >= 100 ? String.format("%,.0f", d) : String.format("%.2f", d);
        }
        if (v instanceof Long || v instanceof Integer) {
            return String.format("%,d", ((Number) v).longValue());
        }
        return String.valueOf(v);
    }
}
