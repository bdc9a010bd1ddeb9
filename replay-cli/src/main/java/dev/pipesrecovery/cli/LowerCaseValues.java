package dev.pipesrecovery.cli;

import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;

/**
 * The values of an enum option as the README and the help write them, lower-case: picocli's completion candidates
 * (bash/zsh completion, {@code ${COMPLETION-CANDIDATES}}). The constants are upper-case in code and the command line
 * accepts any case ({@link PipesReplayCommand#commandLine}).
 */
class LowerCaseValues<E extends Enum<E>> implements Iterable<String> {

    private final Class<E> type;

    LowerCaseValues(Class<E> type) {
        this.type = type;
    }

    @Override
    public Iterator<String> iterator() {
        return Arrays.stream(type.getEnumConstants()).map(value -> value.name().toLowerCase(Locale.ROOT)).iterator();
    }
}
