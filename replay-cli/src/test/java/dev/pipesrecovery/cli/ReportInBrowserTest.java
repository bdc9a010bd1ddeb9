package dev.pipesrecovery.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipesrecovery.cli.support.Archive;
import dev.pipesrecovery.cli.support.Cli;
import dev.pipesrecovery.cli.support.HeadlessChromium;
import dev.pipesrecovery.cli.support.IncidentArchive;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SortedSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report in a real browser (headless Chromium over the DevTools protocol): it renders without a console error or
 * a blocked request, loads nothing but itself, draws one bar per minute with records, keeps hostile keys as text, and
 * leaves a screenshot in target/report-screenshots/ for a person to look at.
 */
class ReportInBrowserTest {

    static final Path SCREENSHOT = Path.of("target", "report-screenshots", "incident-report.png");

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void rendersOfflineWithoutErrorsAndDrawsOneBarPerMinute(@TempDir Path dir) throws Exception {
        Path page = dir.resolve("incident.html");
        SortedSet<Integer> minutes;
        try (Archive archive = new Archive()) {
            minutes = IncidentArchive.outage(archive);
            IncidentArchive.writeRunReports(dir.resolve("state/runs"));
            Cli.Result result = new Cli(
                            dir.resolve("state"), "--bucket", archive.bucket(), "--endpoint-url", archive.endpoint())
                    .run(
                            "report",
                            "--consumer",
                            "orders-api",
                            "--from",
                            "2026-11-21",
                            "--state-dir",
                            dir.resolve("state").toString(),
                            "--output",
                            page.toString(),
                            "--top",
                            "20");
            assertThat(result.exitCode()).as(result.toString()).isZero();
        }

        try (HeadlessChromium chromium = HeadlessChromium.start()) {
            String url = page.toUri().toString();
            chromium.open(url, 1280, 900);

            assertThat(chromium.evaluate("document.title").asText()).isEqualTo("Incident report: orders-api");
            assertThat(chromium.evaluate("document.querySelectorAll('svg.timeline g.bucket').length")
                            .asInt())
                    .as("bars: one per minute with archived or lost records")
                    .isEqualTo(minutes.size());
            assertThat(chromium.evaluate("[...document.querySelectorAll('svg.timeline g.bucket')]"
                                    + ".every(g => g.getBBox().height > 0 && g.getBBox().width > 0)")
                            .asBoolean())
                    .as("every bar is drawn")
                    .isTrue();
            assertThat(chromium.evaluate("document.querySelector('svg.timeline').getBoundingClientRect().width")
                            .asDouble())
                    .isGreaterThan(800);
            // hostile archive data stayed text: no element was made of it, and it reads as it was written
            assertThat(chromium.evaluate("document.querySelectorAll('script, img, iframe, object, embed').length")
                            .asInt())
                    .isZero();
            assertThat(chromium.evaluate("document.body.innerText.includes('"
                                    + IncidentArchive.SCRIPT_KEY.replace("\"", "\\\"")
                                    + "') && document.body.innerText.includes('<i>blocked</i>')")
                            .asBoolean())
                    .isTrue();
            chromium.screenshot(SCREENSHOT);

            assertThat(chromium.errors())
                    .as("console errors, exceptions, CSP violations")
                    .isEmpty();
            assertThat(chromium.requests())
                    .as("requests: the page itself, nothing else")
                    .containsExactly(url);
        }
        byte[] png = Files.readAllBytes(SCREENSHOT);
        assertThat(png).hasSizeGreaterThan(20_000).startsWith(0x89, 'P', 'N', 'G');
    }

    /** Guards the guard: the checks above would pass vacuously if the browser's reports were not collected. */
    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void seesConsoleErrorsAndRequestsWhenAPageHasThem(@TempDir Path dir) throws Exception {
        Path page = dir.resolve("broken.html");
        Files.writeString(
                page,
                "<!DOCTYPE html><html><head><title>broken</title></head><body>"
                        + "<script>console.error('boom'); undefinedFunction();</script>"
                        + "<img src=\"http://127.0.0.1:9/missing.png\"></body></html>");
        try (HeadlessChromium chromium = HeadlessChromium.start()) {
            chromium.open(page.toUri().toString(), 800, 600);
            assertThat(chromium.errors())
                    .anyMatch(e -> e.contains("boom"))
                    .anyMatch(e -> e.contains("undefinedFunction"));
            assertThat(chromium.requests()).contains("http://127.0.0.1:9/missing.png");
        }
    }
}
