package dev.confab.cli.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Confab's figures as ratios to the relay's: throughput as a share (1.0 = as fast), latency as a multiple. */
final class Ratios {
    private Ratios() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> of(Map<String, Object> confab, Map<String, Object> relay, List<String> higher, List<String> lower) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String name : higher) {
            Double c = number(confab, name);
            Double r = number(relay, name);
            if (c != null && r != null && r > 0) {
                out.put(name + " share", c / r);
            }
        }
        for (String name : lower) {
            Double c = number(confab, name);
            Double r = number(relay, name);
            if (c != null && r != null && r > 0) {
                out.put(name + " multiple", c / r);
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Double number(Map<String, Object> m, String dotted) {
        Object v = m;
        for (String part : dotted.split("\\.")) {
            if (!(v instanceof Map<?, ?> map)) {
                return null;
            }
            v = ((Map<String, Object>) map).get(part);
        }
        return v instanceof Number n ? n.doubleValue() : null;
    }
}
