package dev.pipesrecovery.cloudformation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The example parameter files deploy: known names, values within each parameter's constraint, the rules hold. */
class ExampleParametersTest {

    private static final Path EXAMPLES = Templates.MODULE.resolve("examples");
    /** Parameters bin/deploy supplies itself. */
    private static final List<String> SUPPLIED_BY_DEPLOY =
            List.of("HydrateCodeSha256", "WorkerCodeS3Bucket", "WorkerCodeS3Key");

    @Test
    void recoveryExample() {
        check(Templates.RECOVERY, EXAMPLES.resolve("recovery.json"));
    }

    @Test
    void ordersApiExample() {
        Map<String, String> values = check(Templates.PIPE, EXAMPLES.resolve("orders-api.json"));
        assertThat(values).containsEntry("PipeName", "orders-api");
    }

    @Test
    void paymentsApiExample() {
        Map<String, String> values = check(Templates.PIPE, EXAMPLES.resolve("payments-api.json"));
        assertThat(values).containsEntry("PipeName", "payments-api");
    }

    @Test
    void ordersApiReplayExample() {
        Map<String, String> values = check(Templates.REPLAY, EXAMPLES.resolve("orders-api-replay.json"));
        assertThat(values)
                .containsEntry("Consumer", "orders-api")
                .containsEntry("TargetKind", "http")
                .containsEntry("PipeName", "orders-api");
    }

    @Test
    void theReplayChecksRejectAConnectionForATargetThatTakesIamCredentials() {
        Map<String, String> values =
                new java.util.HashMap<>(ExampleFile.read(EXAMPLES.resolve("orders-api-replay.json")));
        values.put("TargetKind", "eventbridge");
        values.remove("PipeName");
        assertThat(TemplateRules.violations(Templates.load(Templates.REPLAY), values))
                .singleElement()
                .asString()
                .startsWith("ConnectionOnlyForHttp");
    }

    @Test
    void theReplayChecksRejectAPipeForATargetThatIsNotItsApiDestination() {
        Map<String, String> values =
                new java.util.HashMap<>(ExampleFile.read(EXAMPLES.resolve("orders-api-replay.json")));
        values.remove("ConnectionName");
        values.put("TargetKind", "kinesis");
        values.put("TargetArn", "arn:aws:kinesis:eu-west-1:123456789012:stream/orders-replay");
        assertThat(TemplateRules.violations(Templates.load(Templates.REPLAY), values))
                .singleElement()
                .asString()
                .startsWith("PipeOnlyForHttp");
        values.put("PipeName", "");
        assertThat(TemplateRules.violations(Templates.load(Templates.REPLAY), values))
                .isEmpty();
    }

    @Test
    void theChecksRejectARecordAgeNotBelowRetention() {
        Map<String, String> values = new java.util.HashMap<>(ExampleFile.read(EXAMPLES.resolve("orders-api.json")));
        values.put("MaximumRecordAgeInSeconds", "86400");
        assertThat(TemplateRules.violations(Templates.load(Templates.PIPE), values))
                .isNotEmpty();
    }

    private static Map<String, String> check(Path template, Path example) {
        Map<String, Object> doc = Templates.load(template);
        Map<String, Map<String, Object>> parameters = Cfn.parameters(doc);
        Map<String, String> values = ExampleFile.read(example);
        assertThat(parameters.keySet())
                .as(example + " names only template parameters")
                .containsAll(values.keySet());
        parameters.forEach((name, parameter) -> {
            if (!parameter.containsKey("Default") && !SUPPLIED_BY_DEPLOY.contains(name)) {
                assertThat(values).as(example + " sets required " + name).containsKey(name);
            }
        });
        values.forEach((name, value) -> {
            Map<String, Object> parameter = parameters.get(name);
            if (parameter.get("AllowedValues") instanceof List<?> allowed) {
                assertThat(allowed.stream().map(String::valueOf).toList())
                        .as(name)
                        .contains(value);
            }
            if (parameter.get("AllowedPattern") instanceof String pattern) {
                assertThat(Pattern.compile(pattern).matcher(value).matches())
                        .as(name + "=" + value + " ~ " + pattern)
                        .isTrue();
            }
            if (parameter.get("MinValue") instanceof Integer min) {
                assertThat(Long.parseLong(value))
                        .as(name)
                        .isBetween((long) min, ((Integer) parameter.get("MaxValue")).longValue());
            }
            if (parameter.get("MaxLength") instanceof Integer max) {
                assertThat(value.length()).as(name).isLessThanOrEqualTo(max);
            }
        });
        assertThat(TemplateRules.violations(doc, values)).as(example.toString()).isEmpty();
        return values;
    }
}
