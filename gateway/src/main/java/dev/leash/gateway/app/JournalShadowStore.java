package dev.leash.gateway.app;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.leash.engine.TradingStatusView;
import dev.leash.gateway.shadow.BookCheckpoint;
import dev.leash.gateway.shadow.BookFigures;
import dev.leash.gateway.shadow.MarketStep;
import dev.leash.gateway.shadow.Scorecard;
import dev.leash.gateway.shadow.ShadowStore;
import dev.leash.gateway.shadow.ShadowsCheckpoint;
import dev.leash.gateway.shadow.StepCodec;
import dev.leash.journal.Journal;
import dev.leash.journal.MarketStepRecord;
import dev.leash.journal.ShadowBookRecord;
import dev.leash.params.ParamsJson;
import dev.leash.risk.Params;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The shadow books' checkpoints and market steps in the journal: the checkpoint as JSON (params as their document,
 * the engine's status as the live book's is saved), each book as a queryable {@code shadow_books} row, the steps in
 * {@code market_steps}, all in one transaction.
 */
public final class JournalShadowStore implements ShadowStore {

    private static final Logger LOG = LoggerFactory.getLogger(JournalShadowStore.class);

    static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .addModule(new SimpleModule("shadow-checkpoint")
                    .addSerializer(Params.class, new JsonSerializer<>() {
                        @Override
                        public void serialize(Params p, JsonGenerator g, SerializerProvider s) throws IOException {
                            g.writeTree(ParamsJson.toJson(p));
                        }
                    })
                    .addDeserializer(Params.class, new JsonDeserializer<>() {
                        @Override
                        public Params deserialize(JsonParser p, DeserializationContext c) throws IOException {
                            ParamsJson.Parsed parsed = ParamsJson.parseDocument(p.readValueAsTree());
                            if (!parsed.ok()) {
                                throw new IOException("saved params are invalid: " + parsed.violations());
                            }
                            return parsed.params();
                        }
                    })
                    .addSerializer(TradingStatusView.class, new JsonSerializer<>() {
                        @Override
                        public void serialize(TradingStatusView v, JsonGenerator g, SerializerProvider s)
                                throws IOException {
                            g.writeTree(TradingStatusStore.toJson(v));
                        }
                    })
                    .addDeserializer(TradingStatusView.class, new JsonDeserializer<>() {
                        @Override
                        public TradingStatusView deserialize(JsonParser p, DeserializationContext c)
                                throws IOException {
                            JsonNode n = p.readValueAsTree();
                            return TradingStatusStore.fromJson(n);
                        }
                    }))
            .build();

    private final Journal journal;

    public JournalShadowStore(Journal journal) {
        this.journal = journal;
    }

    /** The checkpoint saved last; empty (the shadows start afresh, with a warning) when it cannot be read. */
    @Override
    public Optional<ShadowsCheckpoint> load() {
        try {
            Optional<String> saved = journal.shadowCheckpoint();
            if (saved.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(JSON.readValue(saved.get(), ShadowsCheckpoint.class));
        } catch (IOException | RuntimeException e) {
            LOG.warn("the shadow books' checkpoint cannot be read ({}); they start afresh",
                    e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    @Override
    public void save(ShadowsCheckpoint c, List<MarketStep> steps, long keepStepsFrom) {
        String text;
        try {
            text = JSON.writeValueAsString(c);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the shadow checkpoint", e);
        }
        List<ShadowBookRecord> books = new ArrayList<>();
        for (BookCheckpoint b : c.books()) {
            books.add(record(b.name(), b.params().version(), true, c.stepTime(), b.figures().view(), b.flags()));
        }
        for (Scorecard.Shadow r : c.retired()) {
            books.add(record(r.name(), r.paramsVersion(), false, c.stepTime(), r.figures(), r.flags()));
        }
        List<MarketStepRecord> rows = new ArrayList<>(steps.size());
        for (MarketStep s : steps) {
            rows.add(new MarketStepRecord(s.time(), StepCodec.encode(s)));
        }
        journal.saveShadowCheckpoint(text, books, rows, keepStepsFrom);
    }

    private static ShadowBookRecord record(String name, long version, boolean active, long t, BookFigures f,
                                           List<String> flags) {
        return new ShadowBookRecord(name, f.since(), version, active, t, f.startEquity(), f.equity(), f.netPnl(),
                f.returnPct(), f.maxDrawdownPct(), f.trades(), flags);
    }
}
