package dev.leash.engine;

/** Why a single symbol is held reduce-only (no new exposure, exits allowed) while the engine trades the others. */
public enum SymbolHold {
    /** No fresh market data for longer than the configured bound. */
    STALE_FEED,
    /** A journal write of its order path failed: held until the writes are durable and the venue reconciled. */
    UNRECONCILED;

    int bit() {
        return 1 << ordinal();
    }
}
