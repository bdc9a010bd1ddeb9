package dev.pipesrecovery.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pipesrecovery.testkit.CfnLint;
import dev.pipesrecovery.testkit.CloudFormationYaml;
import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The optional CloudFormation template with the Datadog registry types: lint-clean, only properties the types'
 * schemas define (DataDog/datadog-cloudformation-resources, Monitor 4.9.0), and equal to the JSON files it mirrors.
 */
class DatadogCloudFormationTemplateTest {
    private static final String MONITOR = "Datadog::Monitors::Monitor";
    private static final String DASHBOARD = "Datadog::Dashboards::Dashboard";
    private static final Set<String> MONITOR_PROPERTIES = Set.of(
            "Name",
            "Type",
            "Query",
            "Message",
            "Tags",
            "Priority",
            "Options",
            "Multi",
            "RestrictedRoles",
            "CloudformationOptions");
    private static final Set<String> MONITOR_OPTIONS = Set.of(
            "EnableLogsSample",
            "EnableSamples",
            "EscalationMessage",
            "EvaluationDelay",
            "GroupRetentionDuration",
            "IncludeTags",
            "Locked",
            "MinLocationFailed",
            "NewHostDelay",
            "NoDataTimeframe",
            "NotifyAudit",
            "NotifyBy",
            "NotifyNoData",
            "NotificationPresetName",
            "OnMissingData",
            "RenotifyInterval",
            "RequireFullWindow",
            "SchedulingOptions",
            "SyntheticsCheckID",
            "Thresholds",
            "ThresholdWindows",
            "TimeoutH",
            "RenotifyOccurrences",
            "RenotifyStatuses",
            "MinFailureDuration",
            "NewGroupDelay",
            "Variables");
    private static final Set<String> THRESHOLDS =
            Set.of("Critical", "CriticalRecovery", "OK", "Warning", "WarningRecovery");

    private final Map<String, Object> template =
            CloudFormationYaml.load(ProjectFiles.read(ProjectFiles.DATADOG_CFN_TEMPLATE));

    @Test
    void lintsCleanWithOnlyTheCommentedUnknownTypeSuppression() throws Exception {
        CfnLint.Result result = CfnLint.lint(List.of(ProjectFiles.DATADOG_CFN_TEMPLATE));
        assertThat(result.clean()).as(result.output()).isTrue();
        assertThat(ProjectFiles.read(ProjectFiles.DATADOG_CFN_TEMPLATE))
                .doesNotContain("ignore_checks: [E3006, ")
                .doesNotContainPattern("ignore_checks: \\[(?!E3006])");
    }

    @Test
    void usesOnlyPropertiesTheRegistrySchemasDefine() {
        resources().forEach((id, resource) -> {
            Map<?, ?> properties = (Map<?, ?>) resource.get("Properties");
            if (MONITOR.equals(resource.get("Type"))) {
                assertThat(MONITOR_PROPERTIES).as(id).containsAll(keys(properties));
                Map<?, ?> options = (Map<?, ?>) properties.get("Options");
                assertThat(MONITOR_OPTIONS).as(id).containsAll(keys(options));
                assertThat(THRESHOLDS).as(id).containsAll(keys((Map<?, ?>) options.get("Thresholds")));
            } else {
                assertThat(resource.get("Type")).as(id).isEqualTo(DASHBOARD);
                assertThat(keys(properties)).as(id).containsExactly("DashboardDefinition");
            }
        });
    }

    @Test
    void monitorsEqualTheJsonFilesWithTheScopeDefaultsAndANotificationLine() {
        Map<String, String> scopeDefaults = scopeDefaults();
        List<DatadogMonitorFile> files = DatadogMonitorFile.all();
        assertThat(resources().values().stream().filter(r -> MONITOR.equals(r.get("Type"))))
                .hasSize(files.size());
        for (DatadogMonitorFile file : files) {
            String logicalId = logicalId(file);
            Map<?, ?> resource = resources().get(logicalId);
            assertThat(resource).as("resource %s for %s", logicalId, file).isNotNull();
            Map<String, Object> actual = new LinkedHashMap<>();
            ((Map<?, ?>) resource.get("Properties")).forEach((k, v) -> actual.put((String) k, v));
            String message = SubText.of(actual.get("Message"));
            assertThat(message).as(logicalId).startsWith("${NotificationHandles}\n");
            actual.put("Message", message.substring("${NotificationHandles}\n".length()));
            String query = SubText.of(actual.get("Query"));
            for (Map.Entry<String, String> scope : scopeDefaults.entrySet()) {
                query = query.replace("${" + scope.getKey() + "}", scope.getValue());
            }
            actual.put("Query", query);
            assertThat(actual).as(logicalId).isEqualTo(pascalCase(file.tree()));
        }
    }

    @Test
    void dashboardDefinitionIsTheJsonFile() throws IOException {
        Map<?, ?> dashboard = resources().values().stream()
                .filter(r -> DASHBOARD.equals(r.get("Type")))
                .findFirst()
                .orElseThrow();
        String definition = (String) ((Map<?, ?>) dashboard.get("Properties")).get("DashboardDefinition");
        assertThat(new ObjectMapper().readTree(definition)).isEqualTo(DatadogDashboardFile.tree());
    }

    private Map<String, Map<?, ?>> resources() {
        Map<String, Map<?, ?>> resources = new LinkedHashMap<>();
        ((Map<?, ?>) template.get("Resources")).forEach((k, v) -> resources.put((String) k, (Map<?, ?>) v));
        return resources;
    }

    private Map<String, String> scopeDefaults() {
        Map<String, String> defaults = new LinkedHashMap<>();
        ((Map<?, ?>) template.get("Parameters")).forEach((name, parameter) -> {
            if (((String) name).endsWith("Scope")) {
                defaults.put((String) name, (String) ((Map<?, ?>) parameter).get("Default"));
            }
        });
        assertThat(defaults).isNotEmpty();
        return defaults;
    }

    /** {@code hydrate-errors.json} is {@code HydrateErrorsMonitor}. */
    private static String logicalId(DatadogMonitorFile file) {
        StringBuilder id = new StringBuilder();
        for (String part : file.toString().replace(".json", "").split("-")) {
            id.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return id.append("Monitor").toString();
    }

    /** The API's snake_case keys as the registry type's PascalCase ({@code ok} is {@code OK}). */
    private static Object pascalCase(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                map.put(pascalCase(field.getKey()), pascalCase(field.getValue()));
            }
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new java.util.ArrayList<>();
            node.forEach(item -> list.add(pascalCase(item)));
            return list;
        }
        return new ObjectMapper().convertValue(node, Object.class);
    }

    private static String pascalCase(String snake) {
        if (snake.equals("ok")) {
            return "OK";
        }
        StringBuilder pascal = new StringBuilder();
        for (String part : snake.split("_")) {
            pascal.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return pascal.toString();
    }

    private static Set<String> keys(Map<?, ?> map) {
        Set<String> keys = new java.util.TreeSet<>();
        map.keySet().forEach(k -> keys.add((String) k));
        return keys;
    }
}
