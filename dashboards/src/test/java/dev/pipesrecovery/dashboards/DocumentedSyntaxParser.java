package dev.pipesrecovery.dashboards;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The documented {@code pipes-replay} syntax (shared decisions) as a small strict grammar: a subcommand first, then
 * its options in any order; unknown options, missing values, bad enum values, dates and numbers are rejected, and so
 * are option combinations the syntax does not allow (e.g. {@code --target eventbridge} without {@code --event-bus}).
 */
final class DocumentedSyntaxParser implements RunbookCommandParser {
    private static final List<CliOption> GLOBAL = List.of(CliOption.value("--bucket"), CliOption.value("--prefix"),
            CliOption.value("--region"), CliOption.value("--profile"), CliOption.value("--endpoint-url"),
            CliOption.oneOf("--format", "text", "json"), CliOption.flag("-v"), CliOption.flag("--stacktrace"));
    private static final List<CliOption> SELECTION = List.of(CliOption.value("--consumer"), CliOption.date("--from"),
            CliOption.date("--to"), CliOption.value("--partition-key"),
            CliOption.oneOf("--status", "archived", "replayed", "failed", "all"));
    private static final Map<String, List<CliOption>> SUBCOMMANDS = Map.of(
            "list", List.of(CliOption.flag("--by-key")),
            "show", List.of(CliOption.flag("--raw"), CliOption.positiveInt("--limit")),
            "export", List.of(CliOption.oneOf("--as", "jsonl", "csv"), CliOption.value("--output")),
            "replay", List.of(CliOption.oneOf("--target", "http", "eventbridge", "kinesis"), CliOption.value("--url"),
                    CliOption.header("--header"), CliOption.value("--pipe"), CliOption.value("--connection"),
                    CliOption.value("--event-bus"), CliOption.value("--source"), CliOption.value("--detail-type"),
                    CliOption.value("--stream"), CliOption.positiveInt("--rate"),
                    CliOption.positiveInt("--concurrency"), CliOption.positiveInt("--max-attempts"),
                    CliOption.oneOf("--on-success", "tag", "delete", "keep"), CliOption.flag("--dry-run"),
                    CliOption.flag("--yes")));
    private static final Map<String, Set<String>> TARGET_OPTIONS = Map.of(
            "http", Set.of("--url", "--header", "--pipe", "--connection"),
            "eventbridge", Set.of("--event-bus", "--source", "--detail-type"),
            "kinesis", Set.of("--stream"));

    @Override
    public void parse(List<String> args) {
        if (args.isEmpty() || !SUBCOMMANDS.containsKey(args.get(0))) {
            throw new IllegalArgumentException("expected a subcommand " + SUBCOMMANDS.keySet() + ", got "
                    + (args.isEmpty() ? "nothing" : "'" + args.get(0) + "'"));
        }
        String subcommand = args.get(0);
        Map<String, CliOption> allowed = new HashMap<>();
        Stream.of(GLOBAL, SELECTION, SUBCOMMANDS.get(subcommand)).flatMap(List::stream)
                .forEach(o -> allowed.put(o.name(), o));
        Map<String, List<String>> given = new HashMap<>();
        List<String> positional = new ArrayList<>();
        for (int i = 1; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("-")) {
                positional.add(arg);
                continue;
            }
            CliOption option = allowed.get(arg);
            if (option == null) {
                throw new IllegalArgumentException("unknown option '" + arg + "' for " + subcommand);
            }
            List<String> values = given.computeIfAbsent(arg, k -> new ArrayList<>());
            if (!values.isEmpty() && !option.repeatable()) {
                throw new IllegalArgumentException(arg + " given twice");
            }
            if (option.takesValue()) {
                if (i + 1 >= args.size() || args.get(i + 1).startsWith("-")) {
                    throw new IllegalArgumentException(arg + " needs a value");
                }
                String value = args.get(++i);
                option.check(value);
                values.add(value);
            } else {
                values.add("");
            }
        }
        checkCombination(subcommand, given, positional);
    }

    private static void checkCombination(String subcommand, Map<String, List<String>> given, List<String> positional) {
        if (!subcommand.equals("show") && !positional.isEmpty()) {
            throw new IllegalArgumentException(subcommand + " takes no positional argument: " + positional);
        }
        switch (subcommand) {
            case "show" -> {
                boolean byKey = positional.size() == 1 && !given.containsKey("--limit");
                boolean byConsumer = positional.isEmpty() && given.containsKey("--consumer")
                        && given.containsKey("--limit");
                if (!byKey && !byConsumer) {
                    throw new IllegalArgumentException("show takes either one KEY or --consumer C --limit N");
                }
            }
            case "export" -> require(given, "export", "--as");
            case "replay" -> checkReplay(given);
            default -> {
            }
        }
    }

    private static void checkReplay(Map<String, List<String>> given) {
        require(given, "replay", "--target");
        String target = given.get("--target").get(0);
        TARGET_OPTIONS.forEach((other, options) -> options.stream()
                .filter(o -> !other.equals(target) && given.containsKey(o)).findFirst()
                .ifPresent(o -> {
                    throw new IllegalArgumentException(o + " does not apply to --target " + target);
                }));
        switch (target) {
            case "http" -> {
                if (!given.containsKey("--url") && !given.containsKey("--pipe")) {
                    throw new IllegalArgumentException("--target http needs --url or --pipe");
                }
            }
            case "eventbridge" -> List.of("--event-bus", "--source", "--detail-type")
                    .forEach(o -> require(given, "--target eventbridge", o));
            default -> require(given, "--target kinesis", "--stream");
        }
    }

    private static void require(Map<String, List<String>> given, String context, String option) {
        if (!given.containsKey(option)) {
            throw new IllegalArgumentException(context + " needs " + option);
        }
    }

    /** One option of the grammar and the check its value must pass. */
    private record CliOption(String name, boolean takesValue, boolean repeatable, Set<String> choices, String type) {
        static CliOption flag(String name) {
            return new CliOption(name, false, false, Set.of(), "flag");
        }

        static CliOption value(String name) {
            return new CliOption(name, true, false, Set.of(), "text");
        }

        static CliOption oneOf(String name, String... choices) {
            return new CliOption(name, true, false, Set.of(choices), "choice");
        }

        static CliOption date(String name) {
            return new CliOption(name, true, false, Set.of(), "date");
        }

        static CliOption positiveInt(String name) {
            return new CliOption(name, true, false, Set.of(), "int");
        }

        static CliOption header(String name) {
            return new CliOption(name, true, true, Set.of(), "header");
        }

        void check(String value) {
            boolean ok = switch (type) {
                case "choice" -> choices.contains(value);
                case "date" -> isDateOrInstant(value);
                case "int" -> value.matches("[1-9][0-9]*");
                case "header" -> value.matches("[A-Za-z0-9-]+:.*");
                default -> !value.isBlank();
            };
            if (!ok) {
                throw new IllegalArgumentException("bad value '" + value + "' for " + name
                        + (type.equals("choice") ? " (one of " + choices + ")" : " (" + type + ")"));
            }
        }

        private static boolean isDateOrInstant(String value) {
            try {
                LocalDate.parse(value);
                return true;
            } catch (DateTimeParseException notADate) {
                try {
                    Instant.parse(value);
                    return true;
                } catch (DateTimeParseException notAnInstant) {
                    return false;
                }
            }
        }
    }
}
