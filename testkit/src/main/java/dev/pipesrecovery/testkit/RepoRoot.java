package dev.pipesrecovery.testkit;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The repository root: the directory holding {@code package-lock.json}, found by walking up from {@code user.dir}
 * (Maven runs each module's tests from the module directory). {@code -Dpipesrecovery.root=<dir>} overrides it, for
 * a sandbox started from elsewhere.
 */
final class RepoRoot {

    static final String PROPERTY = "pipesrecovery.root";

    private RepoRoot() {}

    static Path find() {
        String explicit = System.getProperty(PROPERTY);
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit).toAbsolutePath().normalize();
        }
        Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath().normalize();
        Path firstWithLock = null;
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("package-lock.json"))) {
                if (Files.isDirectory(dir.resolve("node_modules/kinesis-local"))) {
                    return dir;
                }
                if (firstWithLock == null) {
                    firstWithLock = dir;
                }
            }
        }
        if (firstWithLock != null) {
            return firstWithLock;
        }
        throw new IllegalStateException("cannot find the pipes-recovery repository root (a directory with "
                + "package-lock.json) above " + start + "; run from inside the repository or set -D" + PROPERTY);
    }
}
