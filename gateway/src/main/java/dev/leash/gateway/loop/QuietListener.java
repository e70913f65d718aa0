package dev.leash.gateway.loop;

import dev.leash.gateway.engine.Decision;
import dev.leash.gateway.engine.EngineListener;
import dev.leash.gateway.engine.RiskRejection;
import dev.leash.gateway.engine.StateChange;
import dev.leash.gateway.engine.TradingStatusView;

/** Forwards engine reports, except bar decisions while quiet (warm-up replays history that is not news). */
public final class QuietListener implements EngineListener {

    private final EngineListener delegate;
    private boolean quiet;

    public QuietListener(EngineListener delegate) {
        this.delegate = delegate;
    }

    void setQuiet(boolean quiet) {
        this.quiet = quiet;
    }

    @Override
    public void onDecision(Decision decision) {
        if (!quiet) {
            delegate.onDecision(decision);
        }
    }

    @Override
    public void onRiskRejection(RiskRejection rejection) {
        delegate.onRiskRejection(rejection);
    }

    @Override
    public void onStateChange(StateChange change) {
        delegate.onStateChange(change);
    }

    @Override
    public void onTradingStatus(TradingStatusView status) {
        delegate.onTradingStatus(status);
    }

    @Override
    public boolean wantsBarDecisions() {
        return !quiet && delegate.wantsBarDecisions();
    }
}
