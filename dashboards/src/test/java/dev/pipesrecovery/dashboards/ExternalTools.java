package dev.pipesrecovery.dashboards;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/** Command-line tools some tests run; a missing one fails the test with how to get it (never a skip). */
final class ExternalTools {
    private ExternalTools() {}

    static void require(String tool, String howToGet) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return;
            }
        }
        throw new AssertionError(tool + " is required for this test: " + howToGet);
    }
}
