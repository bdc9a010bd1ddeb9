package dev.pipesrecovery.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pipesrecovery.testkit.AlarmIds;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs datadog/push.sh (bash, curl, jq) against {@link FakeDatadogApi}: create, then update in place; the keys never
 * on a command line; only https (or a loopback address) as the API.
 */
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
        assertThat(api.logMetrics())
                .hasSize(
                        ProjectFiles.jsonFiles(ProjectFiles.DATADOG_LOG_METRICS).size());
        JsonNode dashboard = api.dashboards().values().iterator().next();
        assertThat(dashboard.path("title").asText())
                .isEqualTo(DatadogDashboardFile.tree().path("title").asText());

        Run second = push(NOTIFY);
        assertThat(second.exitCode()).as(second.output()).isZero();
        assertThat(api.monitors()).hasSize(monitorFiles);
        assertThat(api.dashboards()).hasSize(1);
        List<String> requests = api.requests();
        int logMetricFiles = api.logMetrics().size();
        assertThat(requests.stream().filter(r -> r.startsWith("POST"))).hasSize(monitorFiles + 1 + logMetricFiles);
        assertThat(requests.stream().filter(r -> r.startsWith("PUT"))).hasSize(monitorFiles + 1);
    }

    /** Arguments are world-readable (ps, /proc/<pid>/cmdline): the keys must reach the API some other way. */
    @Test
    void theKeysReachTheApiWithoutAppearingInAnyProcesssArguments() throws Exception {
        Run run = push(NOTIFY);
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(api.monitors()).as("every call was authorised").isNotEmpty();
        // the check could see curl while it waited for each answer, so an empty list below is a real finding
        assertThat(api.curlArguments())
                .hasSizeGreaterThanOrEqualTo(api.requests().size());
        assertThat(api.curlArguments())
                .allSatisfy(arguments -> assertThat(arguments).anyMatch(a -> a.startsWith(api.url())));
        assertThat(api.argumentsWithAKey())
                .as("processes whose arguments hold a Datadog key")
                .isEmpty();
        assertThat(run.output()).doesNotContain(api.apiKey()).doesNotContain(api.appKey());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://api.datadoghq.com",
                "http://127.0.0.1.example.com",
                "http://localhost.example.com:80",
                "ftp://127.0.0.1",
                "api.datadoghq.com",
                "https://user@api.datadoghq.com"
            })
    void refusesAnApiUrlThatIsNotHttpsUnlessItIsLoopback(String url) throws Exception {
        Run run = push(NOTIFY, Map.of("DD_API_URL", url));
        assertThat(run.exitCode()).as(run.output()).isEqualTo(2);
        assertThat(run.output()).contains("DD_API_URL").contains("https://");
        assertThat(api.requests()).isEmpty();
    }

    @Test
    void acceptsPlainHttpOnALoopbackName() throws Exception {
        Run run = push(NOTIFY, Map.of("DD_API_URL", api.url().replace("127.0.0.1", "localhost")));
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(api.monitors()).isNotEmpty();
    }

    @Test
    void refusesAKeyThatWouldAddAHeader() throws Exception {
        Run run = push(NOTIFY, Map.of("DD_APP_KEY", "abc\nX-Injected: 1"));
        assertThat(run.exitCode()).as(run.output()).isEqualTo(2);
        assertThat(run.output()).contains("DD_APP_KEY");
        assertThat(api.requests()).isEmpty();
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
        ProcessBuilder builder =
                new ProcessBuilder("bash", ProjectFiles.PUSH_SCRIPT.toString()).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("DD_API_URL", api.url());
        env.put("DD_API_KEY", api.apiKey());
        env.put("DD_APP_KEY", api.appKey());
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

    private record Run(int exitCode, String output) {}
}
