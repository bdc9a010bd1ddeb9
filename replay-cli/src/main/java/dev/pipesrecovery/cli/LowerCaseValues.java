package dev.pipesrecovery.cli;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
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
        List<String> values = new ArrayList<>();
        for (E value : type.getEnumConstants()) { // no stream: picocli builds this for --help too
            values.add(value.name().toLowerCase(Locale.ROOT));
        }
        return values.iterator();
    }
}
