package dev.pipesrecovery.report.html;

import dev.pipesrecovery.report.Series;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Colours of the timeline's series, fixed for one page: archived conditions in distinct calm colours, lost records in
 * reds (they are the bad news), records whose condition was not read in grey. Colours repeat past the palette.
 */
final class Palette {

    private static final List<String> ARCHIVED =
            List.of("#3b6fb6", "#f08c2e", "#7b5ea7", "#2a9d8f", "#8c6d46", "#c45c9a", "#9aa83a", "#5a7d9a");
    private static final List<String> LOST = List.of("#d62728", "#8e0f12", "#f46d6d");
    private static final String NOT_READ = "#b8bec6";

    private final Map<Series, String> colours = new HashMap<>();

    Palette(List<Series> series) {
        int archived = 0;
        int lost = 0;
        for (Series s : series) {
            if (s.lost()) {
                colours.put(s, LOST.get(lost++ % LOST.size()));
            } else if (s.condition().equals(Series.NOT_READ)) {
                colours.put(s, NOT_READ);
            } else {
                colours.put(s, ARCHIVED.get(archived++ % ARCHIVED.size()));
            }
        }
    }

    String colour(Series series) {
        return colours.getOrDefault(series, NOT_READ);
    }
}
