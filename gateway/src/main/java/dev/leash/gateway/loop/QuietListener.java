package dev.leash.gateway.loop;

import dev.leash.engine.Decision;
import dev.leash.engine.EngineListener;
import dev.leash.engine.RiskRejection;
import dev.leash.engine.StateChange;
import dev.leash.engine.TradingStatusView;

/**
 * Forwards engine reports, except bar decisions while quiet (warm-up replays history that is not news). Once the
 * inner loop {@linkplain #guard guards} it, a report the journal cannot take is queued for retry instead of
 * breaking the engine's order path.
 */
public final class QuietListener implements EngineListener {

    private final EngineListener delegate;
    private boolean quiet;
    private JournalGuard guard;

    public QuietListener(EngineListener delegate) {
        this.delegate = delegate;
    }

    void setQuiet(boolean quiet) {
        this.quiet = quiet;
    }

    /** Routes every report through {@code g} from now on. */
    void guard(JournalGuard g) {
        this.guard = g;
    }

    @Override
    public void onDecision(Decision decision) {
        if (!quiet) {
            report(decision.symbol(), "decision", false, () -> delegate.onDecision(decision));
        }
    }

    @Override
    public void onRiskRejection(RiskRejection rejection) {
        report(rejection.symbol(), "risk rejection", true, () -> delegate.onRiskRejection(rejection));
    }

    @Override
    public void onStateChange(StateChange change) {
        report(null, "state change", true, () -> delegate.onStateChange(change));
    }

    private void report(String symbol, String what, boolean keep, Runnable r) {
        if (guard == null) {
            r.run();
        } else {
            guard.write(symbol, what, keep, r);
        }
    }

    @Override
    public void onTradingStatus(TradingStatusView status) {
        report(null, "trading status", true, () -> delegate.onTradingStatus(status));
    }

    @Override
    public boolean wantsBarDecisions() {
        return !quiet && delegate.wantsBarDecisions();
    }
}
