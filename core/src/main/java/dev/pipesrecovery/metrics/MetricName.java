package dev.pipesrecovery.metrics;

/**
 * The toolkit's own metrics: the single catalog that dashboards, alarms and monitors may reference (besides AWS's
 * own metrics). Emitted in namespace {@link #NAMESPACE} with dimension {@link #CONSUMER_DIMENSION}, except the few
 * that describe the function rather than a consumer ({@link #FUNCTION_DIMENSION}). Renaming one is a contract change:
 * the dashboards tests fail until every reference follows.
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
    ARCHIVE_BYTES("ArchiveBytes", Unit.BYTES),
    /**
     * 1 for an invocation that was the first of its execution environment (init ran, or a SnapStart restore): a burst
     * of them in an incident is the function scaling out, and their count explains first-invocation latency. Per
     * function, not per consumer; shown on the dashboards, not alarmed (scaling out is what it should do).
     */
    COLD_START("ColdStart", Unit.COUNT, MetricName.FUNCTION_DIMENSION, false);

    public static final String NAMESPACE = "PipesRecovery";
    public static final String CONSUMER_DIMENSION = "Consumer";
    /** The dimension of the function-wide metrics: the Lambda function's name, as AWS/Lambda names it. */
    public static final String FUNCTION_DIMENSION = "FunctionName";

    /** CloudWatch units, spelled as CloudWatch and EMF expect them. */
    public enum Unit {
        COUNT("Count"),
        SECONDS("Seconds"),
        BYTES("Bytes");

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
    private final String dimension;
    private final boolean alarmed;

    MetricName(String metricName, Unit unit) {
        this(metricName, unit, CONSUMER_DIMENSION, true);
    }

    MetricName(String metricName, Unit unit, String dimension, boolean alarmed) {
        this.metricName = metricName;
        this.unit = unit;
        this.dimension = dimension;
        this.alarmed = alarmed;
    }

    /** {@link #CONSUMER_DIMENSION} or {@link #FUNCTION_DIMENSION}: the one dimension it is emitted with. */
    public String dimension() {
        return dimension;
    }

    /** Whether a CloudFormation alarm or a Datadog monitor must watch it (the dashboards tests check both ways). */
    public boolean alarmed() {
        return alarmed;
    }

    /** The name as it appears in CloudWatch (and, prefixed, in Datadog). */
    public String metricName() {
        return metricName;
    }

    public Unit unit() {
        return unit;
    }
}
