package dev.leash.engine;

/**
 * Everything the engine reports. Called on the engine's thread; implementations must not call back into it.
 * Tests plug in a recording listener and assert whole event sequences.
 */
public interface EngineListener {

    void onDecision(Decision decision);

    void onRiskRejection(RiskRejection rejection);

    void onStateChange(StateChange change);

    /**
     * The trading status moved (a cause set or lifted, a new UTC day): what a restart must restore. Called before
     * {@link #onStateChange}; when the move raises risk, before it takes effect, so a failure here keeps it down.
     */
    default void onTradingStatus(TradingStatusView status) {
    }

    /**
     * False when bar-close HOLD decisions are not wanted (fast backtests); decisions that come with an order or a
     * skip are always reported.
     */
    default boolean wantsBarDecisions() {
        return true;
    }

    /**
     * False when no decision or rejection is wanted at all (the fastest backtests): the engine then builds no
     * report, no reason text and no signals, and its order path allocates nothing.
     */
    default boolean wantsReports() {
        return true;
    }

    /** A listener that ignores everything (backtests that only want fills). */
    EngineListener NONE = new EngineListener() {
        @Override
        public void onDecision(Decision decision) {
        }

        @Override
        public void onRiskRejection(RiskRejection rejection) {
        }

        @Override
        public void onStateChange(StateChange change) {
        }

        @Override
        public boolean wantsBarDecisions() {
            return false;
        }

        @Override
        public boolean wantsReports() {
            return false;
        }
    };
}
