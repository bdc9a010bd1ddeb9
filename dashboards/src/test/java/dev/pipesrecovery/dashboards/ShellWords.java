package dev.pipesrecovery.dashboards;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Splits a shell command line into words the way bash would for the runbook's simple commands: single and double
 * quotes, backslash escapes, and {@code $NAME} / {@code ${NAME}} expanded (outside single quotes) by a resolver.
 * Command substitution, globbing and redirections are not supported and fail loudly.
 */
final class ShellWords {
    private ShellWords() {}

    static List<String> split(String line, Map<String, String> variables) {
        return split(line, name -> {
            String value = variables.get(name);
            if (value == null) {
                throw new IllegalArgumentException("uses $" + name + ", which the runbook never sets with export");
            }
            return value;
        });
    }

    static List<String> split(String line, Function<String, String> resolver) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote == '\'') {
                if (c == '\'') {
                    quote = 0;
                } else {
                    word.append(c);
                }
                continue;
            }
            if (c == '$') {
                int end = variableEnd(line, i);
                String name = line.charAt(i + 1) == '{' ? line.substring(i + 2, end - 1) : line.substring(i + 1, end);
                word = word == null ? new StringBuilder() : word;
                word.append(resolver.apply(name));
                i = end - 1;
            } else if (c == '\\' && quote == 0 && i + 1 < line.length()) {
                word = word == null ? new StringBuilder() : word;
                word.append(line.charAt(++i));
            } else if (c == '"') {
                word = word == null ? new StringBuilder() : word;
                quote = quote == '"' ? 0 : '"';
            } else if (c == '\'' && quote == 0) {
                word = word == null ? new StringBuilder() : word;
                quote = '\'';
            } else if (Character.isWhitespace(c) && quote == 0) {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
            } else if (quote == 0 && "|&;<>`*?".indexOf(c) >= 0) {
                throw new IllegalArgumentException("unsupported shell syntax '" + c + "' in: " + line);
            } else {
                word = word == null ? new StringBuilder() : word;
                word.append(c);
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("unterminated quote in: " + line);
        }
        if (word != null) {
            words.add(word.toString());
        }
        return words;
    }

    private static int variableEnd(String line, int dollar) {
        if (dollar + 1 >= line.length()) {
            throw new IllegalArgumentException("a lone $ in: " + line);
        }
        if (line.charAt(dollar + 1) == '{') {
            int close = line.indexOf('}', dollar);
            if (close < 0) {
                throw new IllegalArgumentException("unterminated ${ in: " + line);
            }
            return close + 1;
        }
        if (line.charAt(dollar + 1) == '(') {
            throw new IllegalArgumentException("command substitution is not allowed in a runbook command: " + line);
        }
        int end = dollar + 1;
        while (end < line.length() && (Character.isLetterOrDigit(line.charAt(end)) || line.charAt(end) == '_')) {
            end++;
        }
        if (end == dollar + 1) {
            throw new IllegalArgumentException("a lone $ in: " + line);
        }
        return end;
    }
}
