package dev.pipesrecovery.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipesrecovery.testkit.AlarmIds;
import dev.pipesrecovery.testkit.CloudFormationYaml;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Cross-checks the alarms of cloudformation/recovery.yaml and pipe.yaml (read from the CloudFormation module; the
 * test fails when they are missing) against the runbook, the shared naming decision and the dashboard snippet.
 */
class CloudFormationAlarmsTest {
    private final List<CloudFormationAlarm> alarms = CloudFormationAlarm.all();

    @Test
    void everyAlarmDescriptionEndsWithTheRunbookLinkOfItsSection() {
        List<String> sections = ProjectFiles.runbook().sections();
        assertThat(alarms).isNotEmpty().allSatisfy(alarm -> {
            String id = AlarmIds.runbookLink(alarm.description()).orElse("");
            assertThat(id)
                    .as("%s: description must end with 'Runbook: docs/runbook.md#<id>'", alarm)
                    .isNotEmpty();
            assertThat(sections).as(alarm.toString()).contains(id);
        });
    }

    @Test
    void everyAlarmNameIsTheStackOrPipeNamePlusItsId() {
        assertThat(alarms).allSatisfy(alarm -> {
            String id = AlarmIds.runbookLink(alarm.description()).orElseThrow();
            String owner = alarm.template().equals("pipe.yaml") ? "${PipeName}" : "${AWS::StackName}";
            assertThat(alarm.name()).as(alarm.toString()).isEqualTo(owner + "-" + id);
        });
    }

    @Test
    void everyAlarmableIdHasACloudFormationAlarm() {
        List<String> ids = alarms.stream()
                .map(a -> AlarmIds.runbookLink(a.description()).orElse(""))
                .toList();
        assertThat(ids).containsAll(AlarmIds.alarmable());
    }

    @Test
    void toolkitMetricAlarmsSelectTheConsumerDimension() {
        assertThat(alarms).allSatisfy(alarm -> {
            for (int i = 0; i < alarm.metrics().size(); i++) {
                if (alarm.metrics().get(i).namespace().equals("PipesRecovery")) {
                    assertThat(alarm.dimensions().get(i))
                            .as(alarm.toString())
                            .isEqualTo(Map.of("Consumer", "${PipeName}"));
                }
            }
        });
    }

    @Test
    void theDashboardAlarmWidgetListsExactlyTheStacksAlarms() {
        // recovery.yaml names its alarms after its own stack; pipe.yaml knows that stack as ${RecoveryStackName}.
        // A replay stack's alarm is the replay stack's own: no pipe stack knows that stack's name.
        List<String> stackAlarms = alarms.stream()
                .filter(a -> !a.template().equals("replay.yaml"))
                .map(a -> a.name().replace("${AWS::StackName}", "${RecoveryStackName}"))
                .toList();
        assertThat(CloudWatchDashboard.load().alarmNames()).containsExactlyInAnyOrderElementsOf(stackAlarms);
    }

    @Test
    void pipeStackTakesItsDashboardBodyFromTheSnippet() {
        Map<String, Object> pipe =
                CloudFormationYaml.load(ProjectFiles.read(ProjectFiles.CLOUDFORMATION_DIR.resolve("pipe.yaml")));
        List<Object> bodies = ((Map<?, ?>) pipe.get("Resources"))
                .values().stream()
                        .map(r -> (Map<?, ?>) r)
                        .filter(r -> "AWS::CloudWatch::Dashboard".equals(r.get("Type")))
                        .map(r -> ((Map<?, ?>) r.get("Properties")).get("DashboardBody"))
                        .map(Object.class::cast)
                        .toList();
        assertThat(bodies)
                .containsExactly(Map.of(
                        "Fn::Transform",
                        Map.of(
                                "Name",
                                "AWS::Include",
                                "Parameters",
                                Map.of("Location", "../dashboards/cloudwatch/consumer-dashboard.yaml"))));
    }
}
