package dev.pipesrecovery.cloudformation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The function gets exactly the environment its README documents, and the jar the reactor builds. */
class HydrateEnvironmentTest {

    private static final Path HYDRATE_README =
            Templates.MODULE.resolve("../hydrate-lambda/README.md").normalize();
    private static final Pattern TABLE_ROW = Pattern.compile("^\\|\\s*`([A-Z][A-Z0-9_]*)`\\s*\\|");

    @Test
    void environmentVariablesAreExactlyTheDocumentedOnes() {
        Map<String, Object> function =
                Cfn.properties(Cfn.resource(Templates.load(Templates.RECOVERY), "HydrateFunction"));
        Set<String> inTemplate =
                Cfn.map(Cfn.map(function.get("Environment")).get("Variables")).keySet();
        assertThat(inTemplate).containsExactlyInAnyOrderElementsOf(documentedVariables());
    }

    /** Issue 13 item 4: JSON lines at a chosen level, optional tracing; no level that would drop the EMF lines. */
    @Test
    void theFunctionLogsJsonAtAChosenLevelThatKeepsTheMetricsAndMayBeTraced() {
        Map<String, Object> template = Templates.load(Templates.RECOVERY);
        Map<String, Object> function = Cfn.properties(Cfn.resource(template, "HydrateFunction"));
        Map<String, Object> logging = Cfn.map(function.get("LoggingConfig"));

        assertThat(logging.get("LogFormat")).isEqualTo("JSON");
        assertThat(logging.get("ApplicationLogLevel")).isEqualTo(Map.of("Ref", "HydrateApplicationLogLevel"));
        assertThat(Cfn.map(function.get("TracingConfig")).get("Mode")).isEqualTo(Map.of("Ref", "HydrateTracing"));
        Map<String, Map<String, Object>> parameters = Cfn.parameters(template);
        // EMF lines carry no "level": Lambda counts them INFO, so a WARN, ERROR or FATAL filter drops every metric
        assertThat(Cfn.oneOrMany(parameters.get("HydrateApplicationLogLevel").get("AllowedValues")))
                .containsExactlyInAnyOrder("INFO", "DEBUG", "TRACE");
        assertThat(parameters.get("HydrateApplicationLogLevel").get("Default")).isEqualTo("INFO");
        assertThat(parameters.get("HydrateTracing").get("Default")).isEqualTo("PassThrough");
        // a published version snapshots the configuration: a changed level or tracing mode publishes a new one
        String description = String.valueOf(
                Cfn.properties(Cfn.resource(template, "HydrateVersion")).get("Description"));
        assertThat(description).contains("${HydrateApplicationLogLevel}", "${HydrateTracing}");
    }

    @Test
    void codeIsTheJarTheReactorBuilds() {
        String version = reactorVersion();
        Object code = Cfn.properties(Cfn.resource(Templates.load(Templates.RECOVERY), "HydrateFunction"))
                .get("Code");
        assertThat(code)
                .as("bump the jar name in recovery.yaml with the project version")
                .isEqualTo("../hydrate-lambda/target/pipes-recovery-hydrate-lambda-" + version + ".jar");
    }

    static Set<String> documentedVariables() {
        Set<String> names = new LinkedHashSet<>();
        boolean inConfiguration = false;
        for (String line : Templates.read(HYDRATE_README).lines().toList()) {
            if (line.startsWith("## ")) {
                inConfiguration = line.toLowerCase().contains("configuration")
                        || line.toLowerCase().contains("environment");
            }
            Matcher row = TABLE_ROW.matcher(line);
            if (inConfiguration && row.find()) {
                names.add(row.group(1));
            }
        }
        assertThat(names).as("environment table in " + HYDRATE_README).isNotEmpty();
        return names;
    }

    private static String reactorVersion() {
        String pom = Templates.read(Templates.MODULE.resolve("../pom.xml").normalize());
        Matcher version = Pattern.compile(
                        "<artifactId>pipes-recovery-parent</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(pom);
        assertThat(version.find()).as("project version in the root pom").isTrue();
        return version.group(1);
    }
}
