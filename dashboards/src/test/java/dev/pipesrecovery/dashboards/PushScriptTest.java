package dev.pipesrecovery.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Runs datadog/push.sh (bash, curl, jq) against {@link FakeDatadogApi}: create, then update in place. */
class PushScriptTest {
    private static final String NOTIFY = "@pagerduty-sre @slack-ops";

    private FakeDatadogApi api;

    @BeforeEach
    void start() throws IOException {
        ExternalTools.require("bash", "install bash");
        ExternalTools.require("curl", "apt-get install curl");
        ExternalTools.require("jq", "apt-get install jq");
        api = new FakeDatadogApi();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void createsEveryMonitorAndTheDashboardThenUpdatesThemInPlace() throws Exception {
        int monitorFiles = ProjectFiles.jsonFiles(ProjectFiles.DATADOG_MONITORS).size();

        Run first = push(NOTIFY);
        assertThat(first.exitCode()).as(first.output()).isZero();
        assertThat(api.monitors()).hasSize(monitorFiles);
        assertThat(api.dashboards()).hasSize(1);
        assertThat(api.monitors().values()).allSatisfy(monitor -> {
            String message = monitor.path("message").asText();
            assertThat(message).startsWith(NOTIFY + "\n");
            assertThat(AlarmIds.runbookLink(message)).isPresent();
        });
        assertThat(api.logMetrics()).hasSize(ProjectFiles.jsonFiles(ProjectFiles.DATADOG_LOG_METRICS).size());
        JsonNode dashboard = api.dashboards().values().iterator().next();
        assertThat(dashboard.path("title").asText()).isEqualTo(DatadogDashboardFile.tree().path("title").asText());

        Run second = push(NOTIFY);
        assertThat(second.exitCode()).as(second.output()).isZero();
        assertThat(api.monitors()).hasSize(monitorFiles);
        assertThat(api.dashboards()).hasSize(1);
        List<String> requests = api.requests();
        int logMetricFiles = api.logMetrics().size();
        assertThat(requests.stream().filter(r -> r.startsWith("POST"))).hasSize(monitorFiles + 1 + logMetricFiles);
        assertThat(requests.stream().filter(r -> r.startsWith("PUT"))).hasSize(monitorFiles + 1);
    }

    @Test
    void refusesToCreateMonitorsThatNotifyNobody() throws Exception {
        Run run = push("");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.output()).contains("DD_NOTIFY");
        assertThat(api.requests()).isEmpty();
    }

    @Test
    void failsWithTheApisAnswerWhenAKeyIsRefused() throws Exception {
        Run run = push(NOTIFY, Map.of("DD_API_KEY", "wrong"));
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.output()).contains("HTTP 403").contains("Forbidden");
        assertThat(api.monitors()).isEmpty();
    }

    private Run push(String notify) throws Exception {
        return push(notify, Map.of());
    }

    private Run push(String notify, Map<String, String> overrides) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bash", ProjectFiles.PUSH_SCRIPT.toString())
                .redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("DD_API_URL", api.url());
        env.put("DD_API_KEY", FakeDatadogApi.API_KEY);
        env.put("DD_APP_KEY", FakeDatadogApi.APP_KEY);
        env.put("DD_NOTIFY", notify);
        env.put("DD_LOG_METRICS", "1");
        env.putAll(new HashMap<>(overrides));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("push.sh did not finish in 60 s: " + output);
        }
        return new Run(process.exitValue(), output);
    }

    private record Run(int exitCode, String output) {
    }
}
