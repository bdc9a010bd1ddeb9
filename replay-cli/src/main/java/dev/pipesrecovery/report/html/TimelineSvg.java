package dev.pipesrecovery.report.html;

import dev.pipesrecovery.report.Series;
import dev.pipesrecovery.report.Timeline;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The timeline as an inline SVG bar chart drawn here (no script, no library, nothing fetched): x is arrival time in
 * UTC with empty buckets left empty, y is records per bucket, each bar stacked by series in {@link Palette} colours.
 * Every bar is a {@code <g class="bucket">} with a {@code <title>} tooltip and its numbers in data attributes.
 */
final class TimelineSvg {

    static final int WIDTH = 1080;
    static final int HEIGHT = 320;
    private static final int LEFT = 64;
    private static final int RIGHT = 16;
    private static final int TOP = 14;
    private static final int BOTTOM = 46;
    private static final int[] TICK_MINUTES = {1, 2, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1440, 2880, 10080};
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private TimelineSvg() {}

    static String render(Timeline timeline, Palette palette) {
        List<Timeline.Bucket> buckets = timeline.buckets();
        long width = timeline.bucketWidth().getSeconds();
        long start = buckets.get(0).start().getEpochSecond();
        long end = buckets.get(buckets.size() - 1).start().getEpochSecond() + width;
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        double slot = plotWidth * width / (end - start);
        double barWidth = slot < 3 ? slot : slot * 0.82;
        long yMax = niceCeiling(
                buckets.stream().mapToLong(Timeline.Bucket::total).max().orElse(1));
        StringBuilder svg = new StringBuilder(256 * buckets.size() + 4096);
        svg.append(String.format(
                Locale.ROOT,
                "<svg class=\"timeline\" role=\"img\" viewBox=\"0 0 %d %d\" "
                        + "xmlns=\"http://www.w3.org/2000/svg\" aria-label=\"Records per %d min by arrival time\">",
                WIDTH,
                HEIGHT,
                timeline.bucketMinutes()));
        yAxis(svg, yMax, plotWidth, plotHeight);
        xAxis(svg, start, end, plotWidth, plotHeight);
        for (Timeline.Bucket bucket : buckets) {
            double x = LEFT
                    + plotWidth * (bucket.start().getEpochSecond() - start) / (end - start)
                    + (slot - barWidth) / 2;
            svg.append(String.format(
                    Locale.ROOT,
                    "<g class=\"bucket\" data-start=\"%s\" data-total=\"%d\">" + "<title>%s</title>",
                    bucket.start(),
                    bucket.total(),
                    tooltip(bucket, timeline)));
            double y = TOP + plotHeight;
            for (Series series : timeline.series()) {
                long n = bucket.counts().getOrDefault(series, 0L);
                if (n > 0) {
                    double h = plotHeight * n / yMax;
                    y -= h;
                    svg.append(String.format(
                            Locale.ROOT,
                            "<rect class=\"segment\" x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" "
                                    + "height=\"%.2f\" fill=\"%s\"/>",
                            x,
                            y,
                            barWidth,
                            h,
                            palette.colour(series)));
                }
            }
            svg.append("</g>");
        }
        return svg.append("</svg>").toString();
    }

    private static void yAxis(StringBuilder svg, long yMax, double plotWidth, double plotHeight) {
        long step = niceCeiling(Math.max(1, yMax / 4));
        for (long v = 0; v <= yMax; v += step) {
            double y = TOP + plotHeight - plotHeight * v / yMax;
            svg.append(String.format(
                    Locale.ROOT,
                    "<line class=\"grid\" x1=\"%d\" x2=\"%.0f\" y1=\"%.2f\" y2=\"%.2f\"/>"
                            + "<text class=\"tick\" x=\"%d\" y=\"%.2f\" text-anchor=\"end\">%s</text>",
                    LEFT,
                    LEFT + plotWidth,
                    y,
                    y,
                    LEFT - 6,
                    y + 4,
                    Html.count(v)));
        }
    }

    private static void xAxis(StringBuilder svg, long start, long end, double plotWidth, double plotHeight) {
        long span = (end - start) / 60;
        int every = TICK_MINUTES[TICK_MINUTES.length - 1];
        for (int candidate : TICK_MINUTES) {
            if (span / candidate <= 10) {
                every = candidate;
                break;
            }
        }
        long stepSeconds = every * 60L;
        String lastDay = "";
        double baseline = TOP + plotHeight;
        svg.append(String.format(
                Locale.ROOT,
                "<line class=\"axis\" x1=\"%d\" x2=\"%.0f\" y1=\"%.2f\" y2=\"%.2f\"/>",
                LEFT,
                LEFT + plotWidth,
                baseline,
                baseline));
        for (long t = Math.floorDiv(start + stepSeconds - 1, stepSeconds) * stepSeconds; t <= end; t += stepSeconds) {
            Instant at = Instant.ofEpochSecond(t);
            double x = LEFT + plotWidth * (t - start) / (end - start);
            String day = DAY.format(at);
            svg.append(String.format(
                    Locale.ROOT,
                    "<line class=\"axis\" x1=\"%.2f\" x2=\"%.2f\" y1=\"%.2f\" y2=\"%.2f\"/>"
                            + "<text class=\"tick\" x=\"%.2f\" y=\"%.2f\" text-anchor=\"middle\">%s</text>",
                    x,
                    x,
                    baseline,
                    baseline + 5,
                    x,
                    baseline + 18,
                    TIME.format(at)));
            if (!day.equals(lastDay)) {
                svg.append(String.format(
                        Locale.ROOT,
                        "<text class=\"tick day\" x=\"%.2f\" y=\"%.2f\" " + "text-anchor=\"middle\">%s</text>",
                        x,
                        baseline + 32,
                        day));
                lastDay = day;
            }
        }
    }

    /** The bar's tooltip, one line per series; the series labels are archive data and escaped one by one. */
    private static String tooltip(Timeline.Bucket bucket, Timeline timeline) {
        StringBuilder text = new StringBuilder(DAY.format(bucket.start()) + " " + TIME.format(bucket.start()) + " UTC");
        if (timeline.bucketMinutes() > 1) {
            text.append(" + ").append(timeline.bucketMinutes()).append(" min");
        }
        text.append(": ").append(Html.count(bucket.total())).append(" record(s)");
        for (Series series : timeline.series()) {
            Long n = bucket.counts().get(series);
            if (n != null) {
                text.append("\n  ")
                        .append(Html.text(series.label()))
                        .append(": ")
                        .append(Html.count(n));
            }
        }
        return text.toString();
    }

    /** 1, 2 or 5 times a power of ten, at least {@code value}. */
    static long niceCeiling(long value) {
        long power = 1;
        while (true) {
            for (long factor : new long[] {1, 2, 5}) {
                if (factor * power >= value) {
                    return factor * power;
                }
            }
            power *= 10;
        }
    }
}
