package dev.leash.gateway.metrics;

import dev.leash.engine.Action;
import dev.leash.engine.Decision;
import dev.leash.engine.EngineListener;
import dev.leash.engine.RiskRejection;
import dev.leash.engine.StateChange;
import dev.leash.engine.TradingStatusView;
import dev.leash.risk.OrderReject;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Counts the engine's decisions (by action and {@link DecisionReason}) and risk rejections (by rule) as they reach
 * the journal: each is counted once its delegate returns, so a journal write that fails and is retried counts once,
 * when it lands. Runs on the inner loop's thread and neither allocates nor blocks; any thread may read.
 */
public final class DecisionCounter implements EngineListener {

    private static final int REASONS = DecisionReason.values().length;

    private final EngineListener delegate;
    private final AtomicLongArray decisions = new AtomicLongArray(Action.values().length * REASONS);
    private final AtomicLongArray rejections = new AtomicLongArray(OrderReject.values().length);

    public DecisionCounter(EngineListener delegate) {
        this.delegate = delegate;
    }

    @Override
    public void onDecision(Decision decision) {
        delegate.onDecision(decision);
        decisions.incrementAndGet(decision.action().ordinal() * REASONS + DecisionReason.of(decision).ordinal());
    }

    @Override
    public void onRiskRejection(RiskRejection rejection) {
        delegate.onRiskRejection(rejection);
        rejections.incrementAndGet(rejection.reason().ordinal());
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
        return delegate.wantsBarDecisions();
    }

    @Override
    public boolean wantsReports() {
        return delegate.wantsReports();
    }

    /** Decisions of {@code action} for {@code reason} counted so far. */
    public long decisions(Action action, DecisionReason reason) {
        return decisions.get(action.ordinal() * REASONS + reason.ordinal());
    }

    /** Orders the pre-trade check refused with {@code rule} so far. */
    public long rejections(OrderReject rule) {
        return rejections.get(rule.ordinal());
    }
}
