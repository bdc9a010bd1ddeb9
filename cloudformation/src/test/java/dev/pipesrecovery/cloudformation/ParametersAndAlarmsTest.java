package dev.pipesrecovery.cloudformation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipesrecovery.testkit.AlarmIds;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Parameters explain and constrain themselves; every alarm notifies and says what to do. */
class ParametersAndAlarmsTest {

    @Test
    void everyParameterHasADescriptionAndAConstraint() {
        for (Path template : Templates.ALL) {
            Cfn.parameters(Templates.load(template)).forEach((name, parameter) -> {
                assertThat(String.valueOf(parameter.get("Description")))
                        .as(name + " description")
                        .hasSizeGreaterThan(10);
                boolean constrained = parameter.containsKey("AllowedValues")
                        || parameter.containsKey("AllowedPattern")
                        || (parameter.containsKey("MinValue") && parameter.containsKey("MaxValue"))
                        || (parameter.containsKey("MinLength") && parameter.containsKey("MaxLength"));
                assertThat(constrained)
                        .as(template.getFileName() + " " + name + " has a constraint")
                        .isTrue();
            });
        }
    }

    @Test
    void retryPolicyParametersKeepTheirNamesAndSafeDefaults() {
        // The sandbox rehearsal reads these names and defaults: renaming one breaks it.
        Map<String, Map<String, Object>> parameters = Cfn.parameters(Templates.load(Templates.PIPE));
        assertThat(parameters.get("BatchSize").get("Default")).isEqualTo(1);
        assertThat(parameters.get("MaximumRetryAttempts").get("Default")).isEqualTo(3);
        assertThat(parameters.get("MaximumRecordAgeInSeconds").get("Default")).isEqualTo(3600);
        assertThat(parameters.get("OnPartialBatchItemFailure").get("Default")).isEqualTo("AUTOMATIC_BISECT");
        assertThat(parameters.get("ParallelizationFactor").get("Default")).isEqualTo(1);
        assertThat(parameters.get("InputTemplate").get("Default")).isEqualTo("<$.data>");
        // "explicit retry policy": never the service default of -1 (forever)
        assertThat((Integer) parameters.get("MaximumRetryAttempts").get("MinValue"))
                .isGreaterThanOrEqualTo(0);
        assertThat(Cfn.oneOrMany(parameters.get("MaximumRecordAgeInSeconds").get("AllowedValues")))
                .doesNotContain(-1);
    }

    @Test
    void everyAlarmNotifiesAndLinksItsRunbookSection() {
        Set<String> ids = new HashSet<>();
        for (Path template : Templates.ALL) {
            Cfn.resourcesOfType(Templates.load(template), "AWS::CloudWatch::Alarm")
                    .forEach((logicalId, alarm) -> {
                        Map<String, Object> properties = Cfn.properties(alarm);
                        assertThat(Cfn.oneOrMany(properties.get("AlarmActions")))
                                .as(logicalId + " actions")
                                .isNotEmpty();
                        assertThat(properties.get("TreatMissingData"))
                                .as(logicalId)
                                .isIn("notBreaching", "breaching", "ignore", "missing");
                        String description = textOf(properties.get("AlarmDescription"));
                        String id = AlarmIds.runbookLink(description).orElse("");
                        assertThat(id)
                                .as(logicalId + " description ends with a runbook link: " + description)
                                .isNotEmpty();
                        assertThat(AlarmIds.ALL).as(logicalId).contains(id);
                        assertThat(description.length())
                                .as(logicalId + " says what happened and what to do")
                                .isGreaterThan(120);
                        String name = textOf(properties.get("AlarmName"));
                        assertThat(name).as(logicalId + " name").isIn("${PipeName}-" + id, "${AWS::StackName}-" + id);
                        assertThat(ids.add(id)).as("one alarm per id: " + id).isTrue();
                    });
        }
        assertThat(ids).containsExactlyInAnyOrderElementsOf(AlarmIds.alarmable());
    }

    @Test
    void alarmsNotifyTheRecoveryStacksTopic() {
        Cfn.resourcesOfType(Templates.load(Templates.PIPE), "AWS::CloudWatch::Alarm")
                .forEach((id, alarm) -> assertThat(Cfn.properties(alarm).get("AlarmActions"))
                        .as(id)
                        .isEqualTo(List.of(
                                Map.of("Fn::ImportValue", Map.of("Fn::Sub", "${RecoveryStackName}-AlarmTopicArn")))));
    }

    /** A plain string or the template string of an Fn::Sub. */
    static String textOf(Object value) {
        if (value instanceof String s) {
            return s;
        }
        Object sub = Cfn.map(value).get("Fn::Sub");
        if (sub instanceof String s) {
            return s;
        }
        throw new AssertionError("expected a string or Fn::Sub, got " + value);
    }
}
