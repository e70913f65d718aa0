package dev.leash.gateway.shadow;

import dev.leash.venue.Fill;
import dev.leash.venue.Position;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hands each shadow book's start, new fills and retirement to a {@link ShadowJournal}, tracking each book's position
 * per symbol so every fill is journaled with the position after it. A journal failure is logged and flags the book;
 * the shadows go on. Shadow thread only.
 */
final class RunLog {

    private static final Logger LOG = LoggerFactory.getLogger(RunLog.class);

    private static final class Run {
        long id;
        int journaled;
        final Map<String, Double> position = new HashMap<>();
    }

    private volatile ShadowJournal journal = ShadowJournal.NONE;
    private final Map<ShadowBook, Run> runs = new IdentityHashMap<>();

    void journalTo(ShadowJournal journal) {
        this.journal = journal;
    }

    /** The kind of a shadow, from its name. */
    static String kindOf(String name) {
        if (name.startsWith(ShadowJournal.INCUMBENT)) {
            return ShadowJournal.INCUMBENT;
        }
        if (name.startsWith(ShadowJournal.CANDIDATE)) {
            return ShadowJournal.CANDIDATE;
        }
        return name.startsWith(ShadowJournal.LIVE_PARAMS) ? ShadowJournal.LIVE_PARAMS : ShadowJournal.BASELINE;
    }

    void started(ShadowBook b, long liveVersion) {
        Run run = new Run();
        run.position.putAll(b.startPositions());
        run.journaled = b.fillCount();
        runs.put(b, run);
        try {
            run.id = journal.started(b.name(), kindOf(b.name()), b.startParams().version(), liveVersion, b.since(),
                    b.equity());
        } catch (RuntimeException e) {
            failed(b, e);
        }
    }

    /**
     * A book resumed after a restart: continues its journaled run when the journal has it active (its later fills
     * join the earlier ones), else journals it as a new run.
     */
    void resumed(ShadowBook b, long liveVersion) {
        long id;
        try {
            id = journal.activeRun(b.name(), b.since());
        } catch (RuntimeException e) {
            failed(b, e);
            return;
        }
        if (id < 0) {
            started(b, liveVersion);
            return;
        }
        Run run = new Run();
        run.id = id;
        run.journaled = b.fillCount();
        for (Position p : b.positions()) {
            run.position.merge(p.symbol(), p.qty(), Double::sum);
        }
        runs.put(b, run);
    }

    /** Journals the fills the book made since the last call. */
    void stepped(ShadowBook b) {
        Run run = runs.get(b);
        if (run == null || b.fillCount() == run.journaled) {
            return;
        }
        List<Fill> fresh = b.fillsFrom(run.journaled);
        run.journaled += fresh.size();
        for (Fill f : fresh) {
            double after = run.position.merge(f.symbol(), f.side().sign() * f.qty(), Double::sum);
            try {
                journal.filled(run.id, b.name(), b.startParams().version(), f, after);
            } catch (RuntimeException e) {
                failed(b, e);
            }
        }
    }

    void retired(ShadowBook b, long t) {
        Run run = runs.remove(b);
        if (run == null) {
            return;
        }
        try {
            journal.retired(run.id, t);
        } catch (RuntimeException e) {
            failed(b, e);
        }
    }

    private static void failed(ShadowBook b, RuntimeException e) {
        LOG.warn("could not journal shadow {}: {}", b.name(), e.getClass().getSimpleName());
        b.flag("not fully journaled");
    }
}
