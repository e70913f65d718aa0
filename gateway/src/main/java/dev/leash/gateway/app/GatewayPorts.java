package dev.leash.gateway.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leash.common.Tokens;
import dev.leash.gateway.api.Credentials;
import dev.leash.gateway.api.GatewayCommands;
import dev.leash.gateway.api.LoopReads;
import dev.leash.gateway.api.ParamReads;
import dev.leash.gateway.api.RestPorts;
import dev.leash.engine.TradingStatusView;
import dev.leash.journal.FillStats;
import dev.leash.gateway.loop.EngineSnapshot;
import dev.leash.gateway.loop.FeedHealth;
import dev.leash.gateway.loop.MiddleLoop;
import dev.leash.gateway.loop.OrderPathHealth;
import dev.leash.gateway.metrics.MetricsSource;
import dev.leash.gateway.shadow.Scorecard;
import dev.leash.gateway.shadow.ShadowBooks;
import dev.leash.venue.http.VenueHealth;
import dev.leash.params.AuditLog;
import dev.leash.params.ParamStore;
import dev.leash.params.WriteResult;
import dev.leash.risk.ChangeLog;
import dev.leash.risk.Params;
import dev.leash.risk.Principal;
import dev.leash.risk.Violation;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The narrow read and command interfaces the REST API and the metrics depend on, implemented over the running
 * {@link Gateway}'s parts: the wiring is the only place that knows them all.
 */
final class GatewayPorts implements LoopReads, ParamReads, GatewayCommands, Credentials, MetricsSource {

    private final Gateway g;

    GatewayPorts(Gateway gateway) {
        this.g = gateway;
    }

    /** Everything the REST API reaches, each part through its interface. */
    RestPorts rest() {
        return new RestPorts(g.config(), g.wall(), g.venue(), g.journal(), this, this, this, this, g::metrics,
                g::events, g::strategies);
    }

    @Override
    public EngineSnapshot snapshot() {
        return g.inner().snapshot();
    }

    @Override
    public TradingStatusView tradingStatus() {
        return g.inner().tradingStatus();
    }

    @Override
    public OrderPathHealth orderPathHealth() {
        return g.inner().orderPathHealth();
    }

    @Override
    public FeedHealth feedHealth() {
        return g.inner().feedHealth();
    }

    @Override
    public Scorecard scorecard() {
        ShadowBooks shadows = g.shadows();
        return shadows == null ? null : shadows.scorecard();
    }

    @Override
    public dev.leash.gateway.scorecard.AttributionReport attribution(String windowName, long windowMillis) {
        ShadowBooks shadows = g.shadows();
        Scorecard card = shadows == null ? null : shadows.scorecard();
        if (card == null) {
            return null;
        }
        dev.leash.gateway.config.GatewayConfig.Shadows c = g.config().shadows();
        Map<Long, String> authors = authors();
        return new dev.leash.gateway.scorecard.Attribution(g.journal(), c.warmup().toMillis(), c.minTrades())
                .report(windowName, windowMillis, card.asOf(),
                        v -> authors.getOrDefault(v, dev.leash.gateway.scorecard.ChangeEffect.UNKNOWN));
    }

    /** Who installed each accepted version: the model's token (or an entry without a principal) or the operator. */
    private Map<Long, String> authors() {
        Map<Long, String> out = new java.util.HashMap<>();
        try {
            for (dev.leash.params.AuditEntry e : g.store().audit().entries()) {
                if (e.verdict() == dev.leash.params.AuditEntry.Verdict.ACCEPTED && !e.dryRun()) {
                    out.put(e.version(), e.principal() == Principal.OPERATOR
                            ? dev.leash.gateway.scorecard.ChangeEffect.OPERATOR
                            : dev.leash.gateway.scorecard.ChangeEffect.MODEL);
                }
            }
        } catch (IOException e) {
            // the audit log cannot be read now: every change's author shows as unknown
        }
        return out;
    }

    @Override
    public long tradingTime() {
        return g.tradingTime();
    }

    @Override
    public VenueHealth venueHealth() {
        return g.venueHealth();
    }

    @Override
    public MiddleLoop.Health middleHealth() {
        return g.middle().health();
    }

    @Override
    public boolean middleStalled() {
        return g.middleWatchdog().stalled();
    }

    @Override
    public long middleFailedPasses() {
        return g.middle().failedPasses();
    }

    @Override
    public long middleLastCompletedWallMillis() {
        return g.middle().lastCompletedWallMillis();
    }

    @Override
    public MiddleLoop.ScheduledResetInfo scheduledReset(Instant now) {
        return g.middle().scheduledReset(now);
    }

    @Override
    public Params current() {
        return g.store().current();
    }

    @Override
    public Params params() {
        return g.store().current();
    }

    @Override
    public List<Params> history() {
        return g.store().history();
    }

    @Override
    public ChangeLog changeLog() {
        return g.store().changeLog();
    }

    @Override
    public AuditLog audit() throws IOException {
        return g.store().audit();
    }

    @Override
    public List<String> journalProblems() {
        return g.store().journalProblems();
    }

    @Override
    public List<Violation> validate(Params candidate) {
        return g.policy().validate(candidate);
    }

    @Override
    public WriteResult propose(Long expectedVersion, JsonNode changes, String author, Principal principal,
                               String rationale, boolean dryRun) throws IOException {
        return g.propose(expectedVersion, changes, author, principal, rationale, dryRun);
    }

    @Override
    public void rejectMalformed(JsonNode proposal, String author, Principal principal, String rationale,
                                List<Violation> reasons, boolean dryRun) throws IOException {
        g.store().rejectMalformed(proposal, author, principal, rationale, reasons, dryRun, g.wall().instant());
    }

    @Override
    public boolean resumeAfterLossHalt(String author, String rationale) throws IOException {
        return g.resumeAfterLossHalt(author, rationale, true);
    }

    @Override
    public boolean haltByOperator(String author, String rationale) throws IOException {
        return g.haltByOperator(author, rationale);
    }

    @Override
    public boolean liftOperatorHalt(String author, String rationale) throws IOException {
        return g.liftOperatorHalt(author, rationale);
    }

    @Override
    public dev.leash.gateway.loop.SymbolVeto setSymbolBias(dev.leash.gateway.loop.SymbolVeto veto,
                                                           Principal principal) throws IOException {
        return g.biases().set(veto, principal == Principal.OPERATOR);
    }

    @Override
    public dev.leash.gateway.loop.SymbolVeto clearSymbolBias(String symbol, String author, String rationale)
            throws IOException {
        return g.biases().clear(symbol, author, rationale);
    }

    @Override
    public List<dev.leash.gateway.loop.SymbolVeto> symbolBiases() {
        SymbolBiasDesk desk = g.biases();
        return desk == null ? List.of() : desk.active();
    }

    @Override
    public WriteResult rollbackParams(long version, String author, String rationale) throws IOException {
        return g.rollback(version, author, rationale);
    }

    @Override
    public Principal principalOf(String presented) {
        return Tokens.matches(presented, g.token().value()) ? Principal.OPERATOR
                : Tokens.matches(presented, g.modelToken().value()) ? Principal.MODEL : null;
    }

    @Override
    public boolean isMetricsToken(String presented) {
        Tokens.Token metrics = g.metricsToken();
        return metrics != null && Tokens.matches(presented, metrics.value());
    }

    @Override
    public Path auditFile() {
        return g.store().directory().resolve(ParamStore.AUDIT_FILE);
    }

    @Override
    public double equity() {
        return g.inner().account().getAsDouble();
    }

    @Override
    public Map<Long, FillStats> fillStatsByVersion() {
        return g.journal().fillStatsByVersion();
    }

    @Override
    public long wallMillis() {
        return g.wall().millis();
    }
}
