package dev.pipesrecovery.cli;

import dev.pipesrecovery.replay.selection.Selection;
import dev.pipesrecovery.replay.selection.StatusFilter;
import java.util.List;
import java.util.Locale;

/**
 * The one line every command prints on stderr when its selection matched nothing (exit 3): what was looked for and
 * where, so a wrong consumer, day, prefix or bucket shows at once instead of a silent exit code.
 */
final class NothingMatched {

    private NothingMatched() {}

    static String message(String bucket, Selection selection, List<String> prefixes) {
        StringBuilder line = new StringBuilder("nothing matched the selection: no archived record");
        line.append(selection.consumer() == null ? " of any consumer" : " of consumer " + selection.consumer());
        if (selection.partitionKey() != null) {
            line.append(", partition key ").append(selection.partitionKey());
        }
        line.append(" (")
                .append(window(selection))
                .append(", ")
                .append(
                        selection.status() == StatusFilter.ALL
                                ? "any status"
                                : "status " + selection.status().name().toLowerCase(Locale.ROOT))
                .append(')');
        if (!prefixes.isEmpty()) {
            line.append(" under s3://").append(bucket).append('/').append(prefixes.get(0));
            if (prefixes.size() > 1) {
                line.append(" and ").append(prefixes.size() - 1).append(" more prefix(es)");
            }
        }
        return line.append(" (check --consumer, --from/--to, --status, --prefix and --bucket)")
                .toString();
    }

    private static String window(Selection selection) {
        if (selection.from() == null && selection.to() == null) {
            return "any arrival time";
        }
        return "arriving " + (selection.from() == null ? "any time" : selection.from()) + " to "
                + (selection.to() == null ? "now" : selection.to());
    }
}
