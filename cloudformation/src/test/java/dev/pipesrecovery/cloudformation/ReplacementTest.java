package dev.pipesrecovery.cloudformation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A stack update that changes a retry setting must not replace the pipe. Which parameters do replace something is
 * computed from the create-only properties they reach, and must be what cloudformation/README.md documents.
 */
class ReplacementTest {

    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([A-Za-z0-9]+)}");
    private static final Pattern README_ROW = Pattern.compile("^\\| `([A-Za-z0-9]+)` \\| ([^|]+) \\|");

    @Test
    void retryAndRequestSettingsUpdateThePipeInPlace() {
        Map<String, Set<String>> replacing = replacingParameters(Templates.PIPE);
        for (String parameter : List.of(
                "BatchSize",
                "MaximumRetryAttempts",
                "MaximumRecordAgeInSeconds",
                "OnPartialBatchItemFailure",
                "ParallelizationFactor",
                "InputTemplate",
                "DesiredState",
                "PipeLogLevel",
                "InvocationEndpoint",
                "InvocationRateLimitPerSecond")) {
            assertThat(replacing.getOrDefault(parameter, Set.of()))
                    .as(parameter + " replaces")
                    .doesNotContain("Pipe");
        }
        assertThat(replacing.get("StartingPosition")).contains("Pipe");
        assertThat(replacing.get("PipeName")).contains("Pipe");
        assertThat(replacing.get("StreamName")).contains("Pipe", "Stream");
    }

    @Test
    void readmeListsExactlyTheParametersThatReplaceResources() {
        for (Path template : Templates.ALL) {
            assertThat(documented(template))
                    .as("README table for " + template.getFileName())
                    .isEqualTo(replacingParameters(template));
        }
    }

    /** parameter → logical ids of the resources whose create-only properties it reaches (Ref or ${} in Fn::Sub). */
    static Map<String, Set<String>> replacingParameters(Path template) {
        Map<String, Object> doc = Templates.load(template);
        Set<String> parameters = Cfn.parameters(doc).keySet();
        Map<String, Set<String>> result = new TreeMap<>();
        Cfn.resources(doc).forEach((id, resource) -> {
            for (String pointer : CreateOnlyProperties.of((String) resource.get("Type"))) {
                Object value = at(resource, pointer);
                Cfn.walk(value, node -> {
                    if (node instanceof Map<?, ?> m && m.get("Ref") instanceof String ref && parameters.contains(ref)) {
                        result.computeIfAbsent(ref, k -> new TreeSet<>()).add(id);
                    }
                    if (node instanceof Map<?, ?> m && m.get("Fn::Sub") != null) {
                        Object sub = m.get("Fn::Sub");
                        String text = sub instanceof List<?> l ? String.valueOf(l.get(0)) : String.valueOf(sub);
                        Matcher variable = SUB_VARIABLE.matcher(text);
                        while (variable.find()) {
                            if (parameters.contains(variable.group(1))) {
                                result.computeIfAbsent(variable.group(1), k -> new TreeSet<>())
                                        .add(id);
                            }
                        }
                    }
                });
            }
        });
        return result;
    }

    private static Object at(Map<String, Object> resource, String pointer) {
        Object node = Map.of("properties", Cfn.properties(resource));
        for (String part : pointer.substring(1).split("/")) {
            if (!(node instanceof Map<?, ?> map)) {
                return null;
            }
            node = map.get(part);
        }
        return node;
    }

    /** Rows "| `Parameter` | Resource, Resource |" under the README heading naming the template. */
    private static Map<String, Set<String>> documented(Path template) {
        Map<String, Set<String>> rows = new TreeMap<>();
        boolean inSection = false;
        for (String line :
                Templates.read(Templates.MODULE.resolve("README.md")).lines().toList()) {
            if (line.startsWith("#")) {
                inSection = line.startsWith("### Replacement: " + template.getFileName());
            }
            Matcher row = README_ROW.matcher(line);
            if (inSection && row.find()) {
                Set<String> resources = new TreeSet<>();
                for (String r : row.group(2).split(",")) {
                    resources.add(r.strip().replace("`", ""));
                }
                rows.put(row.group(1), resources);
            }
        }
        return rows;
    }
}
