package dev.pipesrecovery.cloudformation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The hydrate function is sized for a backlog and its event source mapping can deliver one: batches above 10 have a
 * batching window (Lambda refuses them otherwise), the DLQ's visibility timeout stays over six times the function
 * timeout plus the window (Lambda's guidance for SQS), and the timeout leaves room to start reading. Checked for the
 * parameter bounds (so it holds for any deployment, across the two stacks) and for every example parameter file.
 */
class HydrateSizingTest {

    /** HydrateWiring.DEADLINE: no read starts with less than this left in the invocation. */
    private static final int STOP_STARTING_SECONDS = 20;

    private final Map<String, Map<String, Object>> recovery = Cfn.parameters(Templates.load(Templates.RECOVERY));
    private final Map<String, Map<String, Object>> pipe = Cfn.parameters(Templates.load(Templates.PIPE));

    @Test
    void theBoundsKeepTheVisibilityTimeoutOverSixTimesTheLongestInvocationPlusTheWindow() {
        int longestTimeout = bound(recovery, "HydrateTimeoutSeconds", "MaxValue");
        int longestWindow = bound(pipe, "HydrateMaximumBatchingWindowInSeconds", "MaxValue");
        assertThat(bound(pipe, "DlqVisibilityTimeoutSeconds", "MinValue"))
                .isGreaterThanOrEqualTo(6 * longestTimeout + longestWindow);
    }

    @Test
    void theShortestTimeoutLeavesAnInvocationTimeToRead() {
        assertThat(bound(recovery, "HydrateTimeoutSeconds", "MinValue"))
                .isGreaterThanOrEqualTo(3 * STOP_STARTING_SECONDS);
        assertThat(bound(recovery, "HydrateMemorySize", "MinValue")).isGreaterThanOrEqualTo(1024);
    }

    @Test
    void batchesOfUpToTenThousandWithAWindowByDefault() {
        assertThat(bound(pipe, "HydrateBatchSize", "MaxValue")).isEqualTo(10_000);
        assertThat(Integer.parseInt(String.valueOf(pipe.get("HydrateBatchSize").get("Default"))))
                .isGreaterThan(1_000);
        assertThat(Integer.parseInt(String.valueOf(
                        pipe.get("HydrateMaximumBatchingWindowInSeconds").get("Default"))))
                .isBetween(1, 10);
        Map<String, Object> mapping =
                Cfn.properties(Cfn.resource(Templates.load(Templates.PIPE), "HydrateEventSourceMapping"));
        assertThat(mapping.get("BatchSize")).isEqualTo(Map.of("Ref", "HydrateBatchSize"));
        assertThat(mapping.get("MaximumBatchingWindowInSeconds"))
                .isEqualTo(Map.of("Ref", "HydrateMaximumBatchingWindowInSeconds"));
    }

    @Test
    void aRuleRefusesABatchAboveTenWithoutAWindow() {
        Map<String, Object> template = Templates.load(Templates.PIPE);
        Map<String, String> values =
                new HashMap<>(ExampleFile.read(Templates.MODULE.resolve("examples/orders-api.json")));
        values.put("HydrateMaximumBatchingWindowInSeconds", "0");
        values.put("HydrateBatchSize", "11");
        assertThat(TemplateRules.violations(template, values))
                .anyMatch(v -> v.startsWith("BatchingWindowForLargeBatches"));
        values.put("HydrateBatchSize", "10");
        assertThat(TemplateRules.violations(template, values))
                .noneMatch(v -> v.startsWith("BatchingWindowForLargeBatches"));
    }

    @Test
    void everyExampleDeploymentHoldsTheRelationships() throws Exception {
        Map<String, String> hydrate =
                effective(recovery, ExampleFile.read(Templates.MODULE.resolve("examples/recovery.json")));
        int timeout = Integer.parseInt(hydrate.get("HydrateTimeoutSeconds"));
        List<Path> pipes;
        try (Stream<Path> files = Files.list(Templates.MODULE.resolve("examples"))) {
            pipes = files.filter(f -> !f.getFileName().toString().equals("recovery.json"))
                    .sorted()
                    .toList();
        }
        assertThat(pipes).isNotEmpty();
        for (Path example : pipes) {
            Map<String, String> values = effective(pipe, ExampleFile.read(example));
            int batch = Integer.parseInt(values.get("HydrateBatchSize"));
            int window = Integer.parseInt(values.get("HydrateMaximumBatchingWindowInSeconds"));
            int visibility = Integer.parseInt(values.get("DlqVisibilityTimeoutSeconds"));
            assertThat(batch <= 10 || window >= 1)
                    .as(example + ": batch " + batch + " needs a window")
                    .isTrue();
            assertThat(visibility)
                    .as(example + ": visibility >= 6 x timeout + window")
                    .isGreaterThanOrEqualTo(6 * timeout + window);
        }
    }

    private static Map<String, String> effective(
            Map<String, Map<String, Object>> parameters, Map<String, String> file) {
        Map<String, String> values = new HashMap<>();
        parameters.forEach((name, p) -> {
            if (p.containsKey("Default")) {
                values.put(name, String.valueOf(p.get("Default")));
            }
        });
        values.putAll(file);
        return values;
    }

    private static int bound(Map<String, Map<String, Object>> parameters, String name, String bound) {
        return ((Number) parameters.get(name).get(bound)).intValue();
    }
}
