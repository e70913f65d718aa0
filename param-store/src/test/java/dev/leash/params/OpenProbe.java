package dev.leash.params;

import java.io.IOException;
import java.nio.file.Path;

/** A child process that tries to open a store and prints {@code OPENED} or {@code LOCKED: <message>}. */
public final class OpenProbe {

    private OpenProbe() {
    }

    public static void main(String[] args) {
        try (ParamStore store = ParamStore.open(Path.of(args[0]), Fixtures.POLICY, Fixtures.BASELINE, Fixtures.T0)) {
            System.out.println("OPENED " + store.current().version());
        } catch (IOException e) {
            System.out.println("LOCKED: " + e.getMessage());
        }
    }
}
