package dev.pipesrecovery.metrics;

/**
 * The toolkit's own metrics: the single catalog that dashboards, alarms and monitors may reference (besides AWS's
 * own metrics). Emitted in namespace {@link #NAMESPACE} with dimension {@link #CONSUMER_DIMENSION}. Renaming one is a
 * contract change: the dashboards tests fail until every reference follows.
 */
public enum MetricName {
    DLQ_MESSAGES_RECEIVED("DlqMessagesReceived", Unit.COUNT),
    RECORDS_ARCHIVED("RecordsArchived", Unit.COUNT),
    RECORDS_ALREADY_ARCHIVED("RecordsAlreadyArchived", Unit.COUNT),
    RECORDS_LOST("RecordsLost", Unit.COUNT),
    HYDRATE_FAILURES("HydrateFailures", Unit.COUNT),
    /**
     * Records archived from DLQ ranges that held more records than their batch (ParallelizationFactor > 1, filters):
     * the pipe may have delivered some of them, so a replay can deliver those twice. Each range has a notice.
     */
    RECORDS_FROM_WIDE_RANGES("RecordsFromWideRanges", Unit.COUNT),
    /** Stream retention minus the age of the oldest record in the message: how long until the data would be gone. */
    RETENTION_HEADROOM_SECONDS("RetentionHeadroomSeconds", Unit.SECONDS),
    ARCHIVE_BYTES("ArchiveBytes", Unit.BYTES);

    public static final String NAMESPACE = "PipesRecovery";
    public static final String CONSUMER_DIMENSION = "Consumer";

    /** CloudWatch units, spelled as CloudWatch and EMF expect them. */
    public enum Unit {
        COUNT("Count"), SECONDS("Seconds"), BYTES("Bytes");

        private final String cloudWatchName;

        Unit(String cloudWatchName) {
            this.cloudWatchName = cloudWatchName;
        }

        public String cloudWatchName() {
            return cloudWatchName;
        }
    }

    private final String metricName;
    private final Unit unit;

    MetricName(String metricName, Unit unit) {
        this.metricName = metricName;
        this.unit = unit;
    }

    /** The name as it appears in CloudWatch (and, prefixed, in Datadog). */
    public String metricName() {
        return metricName;
    }

    public Unit unit() {
        return unit;
    }
}
