package dev.leash.gateway.app;

import dev.leash.engine.Action;
import dev.leash.engine.Decision;
import dev.leash.engine.EngineListener;
import dev.leash.engine.OrderIntent;
import dev.leash.engine.RiskRejection;
import dev.leash.engine.StateChange;
import dev.leash.engine.TradingStatusView;
import dev.leash.gateway.alerts.AlertFeed;
import dev.leash.gateway.events.EventPublisher;
import dev.leash.journal.Journal;
import dev.leash.journal.ParamsActivation;
import dev.leash.gateway.loop.TradeRecorder;
import dev.leash.venue.Account;
import dev.leash.venue.Fill;
import dev.leash.venue.PlaceResult;
import dev.leash.venue.Position;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/** Journals what the engine decides and what the inner loop does with the venue. */
public final class JournalRecorder implements TradeRecorder, EngineListener {

    private static final Logger LOG = LoggerFactory.getLogger(JournalRecorder.class);
    /** Status of an order recorded before it is sent; a restart resolves orders left in it. */
    static final String SENDING = "SENDING";
    /** Decisions logged as one line each: a stop, a take-profit, the daily-loss flatten. */
    private static final java.util.Set<Action> EXITS = java.util.EnumSet.of(Action.STOP_LOSS, Action.TAKE_PROFIT,
            Action.FLATTEN);

    private final Journal journal;
    private final EventPublisher live;
    private final AlertFeed alerts;
    private final SavedFills saved;

    public JournalRecorder(Journal journal) {
        this(journal, EventPublisher.NONE);
    }

    /** A recorder that also publishes each record to the live event stream, after it is journaled. */
    public JournalRecorder(Journal journal, EventPublisher live) {
        this(journal, live, AlertFeed.NONE);
    }

    /** A recorder that also publishes to the live stream and, for the states operators are alerted on, alerts. */
    public JournalRecorder(Journal journal, EventPublisher live, AlertFeed alerts) {
        this(journal, live, alerts, new SavedFills());
    }

    /**
     * As above; {@code saved} names the fills the paper account's store journaled with the account, which count as
     * new once here.
     */
    public JournalRecorder(Journal journal, EventPublisher live, AlertFeed alerts, SavedFills saved) {
        this.journal = journal;
        this.live = live;
        this.alerts = alerts;
        this.saved = saved;
    }

    @Override
    public void orderSending(OrderIntent intent) {
        journal.recordOrder(intent, SENDING, null, null, intent.time());
        live.order(intent, SENDING, null);
    }

    @Override
    public void orderPlaced(OrderIntent intent, PlaceResult result) {
        journal.recordOrder(intent, result.order().status().name(), result.order().venueOrderId(),
                result.rejectReason(), intent.time());
        journal.updateOrderStatus(intent.clientOrderId(), result.order().status().name(), result.order().filledQty(),
                intent.time());
        if (result.rejected()) {
            LOG.warn("order {} rejected by the venue: {}", intent.clientOrderId(), result.rejectReason());
        } else {
            LOG.info("order {} {} {} {}{} {} ({}, params version {})", intent.clientOrderId(), intent.symbol(),
                    intent.signedQty() > 0 ? "BUY" : "SELL", Math.abs(intent.signedQty()),
                    intent.reduceOnly() ? " reduce-only" : "", result.order().status(), intent.action(),
                    intent.paramsVersion());
        }
        live.order(intent, result.order().status().name(), result.rejectReason());
    }

    @Override
    public void orderFailed(OrderIntent intent, String error) {
        LOG.warn("order {} {} {} {} failed before the venue took it (the journal has why)", intent.clientOrderId(),
                intent.symbol(), intent.signedQty() > 0 ? "BUY" : "SELL", Math.abs(intent.signedQty()));
        journal.recordOrder(intent, "REJECTED", null, error, intent.time());
        journal.updateOrderStatus(intent.clientOrderId(), "REJECTED", 0, intent.time());
        live.order(intent, "REJECTED", error);
    }

    @Override
    public boolean fill(Fill fill, long paramsVersion) {
        boolean fresh = journal.recordFill(fill, paramsVersion) || saved.claim(fill.fillId());
        if (fresh) {
            LOG.info("fill {} {} {} @ {} ({})", fill.symbol(), fill.side(), fill.qty(), fill.price(),
                    fill.clientOrderId());
            live.fill(fill, paramsVersion);
        }
        return fresh;
    }

    @Override
    public void equity(long time, Account account) {
        journal.recordEquity(time, account.equity(), account.walletBalance(), account.unrealizedPnl());
    }

    @Override
    public void positions(long time, List<Position> positions) {
        journal.recordPositions(time, positions);
    }

    @Override
    public void event(long time, String kind, String message) {
        journal.recordEvent(time, kind, message);
        live.event(time, kind, message);
    }

    @Override
    public void paramsActive(long version, long tradingTime, long wallTime) {
        List<ParamsActivation> all = journal.paramsActivations();
        if (all.isEmpty() || all.get(all.size() - 1).version() != version) {
            journal.recordParamsActivation(new ParamsActivation(version, tradingTime, wallTime));
            LOG.info("params version {} in force", version);
            live.params(version, tradingTime);
        }
    }

    @Override
    public void onDecision(Decision decision) {
        if (EXITS.contains(decision.action())) {
            LOG.info("exit {} {}: {} (params version {})", decision.symbol(), decision.action(), decision.reason(),
                    decision.paramsVersion());
        }
        journal.recordDecision(decision);
        live.decision(decision);
    }

    @Override
    public void onRiskRejection(RiskRejection rejection) {
        journal.recordRiskRejection(rejection);
        live.rejection(rejection);
    }

    @Override
    public void onStateChange(StateChange change) {
        LOG.warn("trading state {} -> {}: {}", change.from(), change.to(), change.reason());
        alerts.state(change); // before the journal: never blocks, and a failing journal must not silence it
        journal.recordStateChange(change);
        live.state(change);
    }

    @Override
    public void onTradingStatus(TradingStatusView status) {
        TradingStatusStore.save(journal, status);
    }
}
