package dev.leash.gateway.app;

import dev.leash.gateway.alerts.AlertTimer;
import dev.leash.gateway.alerts.Alerts;
import dev.leash.gateway.alerts.DailySummary;
import dev.leash.gateway.alerts.ProposalDigest;
import dev.leash.gateway.config.GatewayConfig;
import dev.leash.gateway.loop.TradingStateName;
import dev.leash.params.ParamStore;

/** Wires the proposal digest and the daily summary of a running gateway to its alert sender. */
final class ScheduledAlerts {

    private ScheduledAlerts() {
    }

    /** The timer for {@code g}'s configured digest and summary (not started). */
    static AlertTimer timer(Gateway g, Alerts alerts) {
        GatewayConfig.Alerts c = g.config().alerts();
        ProposalDigest digest = new ProposalDigest(g.store().directory().resolve(ParamStore.AUDIT_FILE),
                c.proposalsDigest());
        DailySummary summary = c.dailySummary() ? new DailySummary((from, to) -> figures(g, from, to), digest) : null;
        return new AlertTimer(alerts, digest, summary, () -> g.wall().millis(), g::tradingTime);
    }

    /** Equity now, the day's P&L from its first journaled equity, its fills, state and version now. */
    static DailySummary.DayFigures figures(Gateway g, long from, long to) {
        double equity = g.inner().account().getAsDouble();
        double first = g.journal().firstEquity(from, to);
        return new DailySummary.DayFigures(equity, equity - first, g.journal().fillsBetween(from, to).size(),
                TradingStateName.of(g.inner().snapshot(), g.store().current().tradingMode()),
                g.store().current().version());
    }
}
