package dev.pipesrecovery.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricNamesTest {
    private final MetricCatalog catalog = MetricCatalog.load();

    @Test
    void everyReferencedMetricIsCataloguedAndEveryCatalogMetricIsShownAndAlarmed() {
        MetricReferences references = MetricReferences.ofProject();
        assertThat(references.cloudWatchDashboard()).hasSizeGreaterThan(20);
        assertThat(references.cloudFormationAlarms()).isNotEmpty();
        assertThat(references.datadogMonitors()).isNotEmpty();
        assertThat(references.problems(catalog)).isEmpty();
    }

    @Test
    void aMetricRenamedOnTheCloudWatchDashboardOnlyIsCaught() throws IOException {
        String snippet =
                ProjectFiles.read(ProjectFiles.CLOUDWATCH_SNIPPET).replace("\"RecordsLost\"", "\"RecordsLostTotal\"");
        MetricReferences renamed = MetricReferences.of(
                CloudWatchDashboard.parse(snippet),
                CloudFormationAlarm.all(),
                DatadogDashboardFile.tree(),
                DatadogMonitorFile.all().stream().map(DatadogMonitorFile::query).toList());
        assertThat(renamed.problems(catalog))
                .contains(
                        "CloudWatch dashboard: PipesRecovery RecordsLostTotal is neither in MetricName nor in aws-metrics.yaml",
                        "PipesRecovery RecordsLost is not on the CloudWatch dashboard",
                        "the Datadog dashboard shows pipesrecovery.records_lost but the CloudWatch dashboard does not show"
                                + " PipesRecovery RecordsLost");
    }

    @Test
    void aMetricRenamedOnTheDatadogSideOnlyIsCaught() throws IOException {
        String dashboard = ProjectFiles.read(ProjectFiles.DATADOG_DASHBOARD)
                .replace("pipesrecovery.archive_bytes", "pipesrecovery.archived_bytes");
        MetricReferences renamed = MetricReferences.of(
                CloudWatchDashboard.load(),
                CloudFormationAlarm.all(),
                DatadogDashboardFile.parse(dashboard),
                List.of("sum(last_5m):sum:aws.lambda.errorz{*} > 0"));
        assertThat(renamed.problems(catalog))
                .contains(
                        "Datadog dashboard: pipesrecovery.archived_bytes is neither a catalog metric nor in aws-metrics.yaml",
                        "pipesrecovery.archive_bytes is not on the Datadog dashboard",
                        "Datadog monitors: aws.lambda.errorz is neither a catalog metric nor in aws-metrics.yaml",
                        "ArchiveBytes is in no CloudFormation alarm and no Datadog monitor");
    }

    @Test
    void datadogNamesFollowTheCatalog() {
        assertThat(catalog.datadogName(dev.pipesrecovery.metrics.MetricName.RETENTION_HEADROOM_SECONDS))
                .isEqualTo("pipesrecovery.retention_headroom_seconds");
        assertThat(catalog.datadogName(dev.pipesrecovery.metrics.MetricName.DLQ_MESSAGES_RECEIVED))
                .isEqualTo("pipesrecovery.dlq_messages_received");
    }
}
