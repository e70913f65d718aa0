package dev.leash.journal;

import dev.leash.testsupport.EmbeddedPostgresServer;

import java.nio.file.Path;

/** The databases the journal suite runs against: each test class is parameterized over both. */
enum Backend {
    SQLITE,
    POSTGRESQL;

    /** A new, empty database for one test; {@code dir} is the test's temporary directory. */
    Store create(Path dir) {
        return this == SQLITE ? Store.sqlite(dir) : Store.postgres(EmbeddedPostgresServer.shared().createDatabase());
    }
}
