package dev.leash.mcp.internal;

/** What the snapshot reports: reads answered from memory (with the answer's age) and reads that went to the gateway. */
public interface SnapshotStats {

    /** Reports nothing. */
    SnapshotStats NONE = new SnapshotStats() {
        @Override
        public void hit(long ageNanos) {
        }

        @Override
        public void miss() {
        }
    };

    void hit(long ageNanos);

    void miss();

    /** What the snapshot of the gateway named {@code name} reports into: these, unless they tell gateways apart. */
    default SnapshotStats forGateway(String name) {
        return this;
    }
}
