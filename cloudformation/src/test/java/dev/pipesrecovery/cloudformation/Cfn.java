package dev.pipesrecovery.cloudformation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Navigation over a parsed (long-form) template. */
final class Cfn {

    private Cfn() {}

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        if (!(value instanceof Map<?, ?>)) {
            throw new AssertionError("expected a mapping, got " + value);
        }
        return (Map<String, Object>) value;
    }

    static Map<String, Map<String, Object>> resources(Map<String, Object> template) {
        return section(template, "Resources");
    }

    static Map<String, Map<String, Object>> parameters(Map<String, Object> template) {
        return section(template, "Parameters");
    }

    static Map<String, Map<String, Object>> section(Map<String, Object> template, String name) {
        Map<String, Map<String, Object>> result = new LinkedHashMap<>();
        Object section = template.get(name);
        if (section != null) {
            map(section).forEach((id, body) -> result.put(id, map(body)));
        }
        return result;
    }

    static Map<String, Map<String, Object>> resourcesOfType(Map<String, Object> template, String type) {
        Map<String, Map<String, Object>> result = new LinkedHashMap<>();
        resources(template).forEach((id, resource) -> {
            if (type.equals(resource.get("Type"))) {
                result.put(id, resource);
            }
        });
        return result;
    }

    static Map<String, Object> properties(Map<String, Object> resource) {
        return resource.get("Properties") == null ? Map.of() : map(resource.get("Properties"));
    }

    static Map<String, Object> resource(Map<String, Object> template, String logicalId) {
        Map<String, Object> resource = resources(template).get(logicalId);
        if (resource == null) {
            throw new AssertionError("no resource " + logicalId);
        }
        return resource;
    }

    /** Visits every node of the tree, depth first. */
    static void walk(Object node, Consumer<Object> visitor) {
        visitor.accept(node);
        if (node instanceof Map<?, ?> map) {
            map.values().forEach(v -> walk(v, visitor));
        } else if (node instanceof List<?> list) {
            list.forEach(v -> walk(v, visitor));
        }
    }

    /** Every mapping in the tree that has {@code key}. */
    static List<Map<String, Object>> mappingsWithKey(Object node, String key) {
        List<Map<String, Object>> found = new ArrayList<>();
        walk(node, n -> {
            if (n instanceof Map<?, ?> m && m.containsKey(key)) {
                found.add(map(m));
            }
        });
        return found;
    }

    /** The value, or its alternatives when it is a list (IAM allows a string or a list). */
    static List<Object> oneOrMany(Object value) {
        if (value == null) {
            return List.of();
        }
        return value instanceof List<?> list ? new ArrayList<>(list) : List.of(value);
    }

    /** {@code {Fn::GetAtt: [id, attribute]}} */
    static Map<String, Object> getAtt(String logicalId, String attribute) {
        return Map.of("Fn::GetAtt", List.of(logicalId, attribute));
    }
}
