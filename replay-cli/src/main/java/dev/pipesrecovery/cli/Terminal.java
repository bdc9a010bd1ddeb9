package dev.pipesrecovery.cli;

import java.io.Console;

/** The user's terminal, if any: decides between a progress bar and log lines, and whether to ask before sending. */
public interface Terminal {

    /** No terminal: scripts, CI, tests. */
    Terminal NONE = new Terminal() {
        @Override
        public boolean interactive() {
            return false;
        }

        @Override
        public String readLine(String prompt) {
            return null;
        }
    };

    boolean interactive();

    /** Asks and reads one line; null at end of input. */
    String readLine(String prompt);

    /** The process's console ({@link System#console()}), or {@link #NONE}. */
    static Terminal system() {
        Console console = System.console();
        if (console == null) {
            return NONE;
        }
        return new Terminal() {
            @Override
            public boolean interactive() {
                return true;
            }

            @Override
            public String readLine(String prompt) {
                return console.readLine("%s", prompt);
            }
        };
    }
}
