package dev.leash.risk;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's root directory, found from the module directory the tests run in. */
final class RepoRoot {

    private RepoRoot() {
    }

    static Path find() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("mvnw")) && Files.isDirectory(p.resolve("risk-guard"))) {
                return p;
            }
        }
        throw new IllegalStateException("no repository root above " + Path.of("").toAbsolutePath());
    }
}
