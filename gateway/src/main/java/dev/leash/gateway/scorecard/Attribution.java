package dev.leash.gateway.scorecard;

import dev.leash.journal.BookFill;
import dev.leash.journal.Journal;
import dev.leash.journal.ShadowRun;
import dev.leash.gateway.shadow.ShadowJournal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongFunction;

/**
 * Works out "is the AI helping?" from the journal alone: the live book's fills, and the runs and fills of the shadow
 * books ({@code baseline}, {@code incumbent vN}, {@code live-params vN}). Every figure is a function of journaled
 * fills, so anyone can recompute it by hand. Stateless; reads only.
 */
public final class Attribution {

    public static final String BASELINE = ShadowJournal.BASELINE;
    public static final String INCUMBENT = ShadowJournal.INCUMBENT;
    public static final String LIVE_PARAMS = ShadowJournal.LIVE_PARAMS;

    private final Journal journal;
    private final long warmupMillis;
    private final int minTrades;

    /**
     * @param warmupMillis trading time after a change before its figures count
     * @param minTrades    closed round trips the busier book of a comparison needs before a verdict
     */
    public Attribution(Journal journal, long warmupMillis, int minTrades) {
        this.journal = journal;
        this.warmupMillis = warmupMillis;
        this.minTrades = minTrades;
    }

    /** As {@link #report(String, long, long, LongFunction)} with every change's author unknown. */
    public AttributionReport report(String windowName, long windowMillis, long now) {
        return report(windowName, windowMillis, now, v -> ChangeEffect.UNKNOWN);
    }

    /**
     * The scorecard over {@code (now - windowMillis, now]}: the changes made in it, and the live book vs baseline.
     *
     * @param authorOf who made the version a change installed ({@link ChangeEffect#MODEL}, ...)
     */
    public AttributionReport report(String windowName, long windowMillis, long now, LongFunction<String> authorOf) {
        long from = now - windowMillis;
        List<ShadowRun> runs = journal.shadowRuns(from, now);
        ShadowRun baseline = null;
        for (ShadowRun r : runs) {
            if (r.kind().equals(BASELINE)) {
                baseline = r; // the newest baseline run wins
            }
        }
        Effect overall = null;
        if (baseline != null) {
            long start = Math.max(from, baseline.since());
            long end = ends(now, baseline);
            overall = compare("live", live(start, end), BASELINE, fills(baseline, start, end), start, end,
                    baseline.startEquity());
        }
        List<ChangeEffect> changes = new ArrayList<>();
        for (ShadowRun incumbent : runs) {
            if (incumbent.kind().equals(INCUMBENT) && incumbent.since() >= from) {
                changes.add(change(incumbent, runs, now, authorOf.apply(incumbent.liveVersion())));
            }
        }
        return new AttributionReport(windowName, from, now, warmupMillis, minTrades, overall, List.copyOf(changes),
                trackRecord(windowName, overall, changes));
    }

    private ChangeEffect change(ShadowRun incumbent, List<ShadowRun> runs, long now, String by) {
        long at = incumbent.since();
        ShadowRun candidate = null;
        ShadowRun baseline = null;
        long end = ends(now, incumbent);
        for (ShadowRun r : runs) {
            if (r.kind().equals(LIVE_PARAMS) && r.since() == at) {
                candidate = r;
            } else if (r.kind().equals(BASELINE) && r.since() <= at) {
                baseline = r;
            } else if (r.kind().equals(INCUMBENT) && r.since() > at) {
                end = Math.min(end, r.since()); // the next change
            }
        }
        if (candidate != null) {
            end = Math.min(end, ends(now, candidate));
        }
        if (baseline != null) {
            end = Math.min(end, ends(now, baseline));
        }
        long start = Math.min(at + warmupMillis, end);
        double equity = incumbent.startEquity();
        List<BookFill> live = live(start, end);
        List<BookFill> old = fills(incumbent, start, end);
        Effect strategy;
        Effect execution = null;
        if (candidate != null) {
            List<BookFill> cand = fills(candidate, start, end);
            strategy = compare(candidate.name(), cand, incumbent.name(), old, start, end, equity);
            execution = compare("live", live, candidate.name(), cand, start, end, equity);
        } else {
            strategy = compare("live", live, incumbent.name(), old, start, end, equity);
        }
        Effect vsBaseline = baseline == null ? null
                : compare("live", live, BASELINE, fills(baseline, start, end), start, end, equity);
        return new ChangeEffect(at, incumbent.paramsVersion(), incumbent.liveVersion(), by, end == now, strategy,
                execution, vsBaseline);
    }

    private Effect compare(String book, List<BookFill> a, String against, List<BookFill> b, long start, long end,
                           double equity) {
        return Effect.of(book, against, start, end, RoundTrips.window(a, start, end, equity),
                RoundTrips.window(b, start, end, equity), minTrades);
    }

    private static long ends(long now, ShadowRun r) {
        return r.retired() == ShadowRun.ACTIVE ? now : Math.min(now, r.retired());
    }

    private List<BookFill> live(long start, long end) {
        return journal.liveBookFills(start, end);
    }

    private List<BookFill> fills(ShadowRun r, long start, long end) {
        return journal.shadowFills(r.id(), start, end);
    }

    /**
     * One line for the model before it proposes: how its changes did (the operator's are counted apart), and the live
     * book against the baseline.
     */
    static String trackRecord(String window, Effect overall, List<ChangeEffect> all) {
        int helped = 0;
        int hurt = 0;
        int unclear = 0;
        int unknown = 0;
        List<ChangeEffect> changes = all.stream().filter(c -> !c.by().equals(ChangeEffect.OPERATOR)).toList();
        int byOperator = all.size() - changes.size();
        for (ChangeEffect c : changes) {
            switch (c.strategyEffect().verdict()) {
                case Effect.HELPED -> helped++;
                case Effect.HURT -> hurt++;
                case Effect.NO_CLEAR_DIFFERENCE -> unclear++;
                default -> unknown++;
            }
        }
        String head = changes.isEmpty() ? "No change by the model in the last " + window
                : String.format(Locale.ROOT, "The model's %d change%s in the last %s: %d helped, %d hurt, %d no clear "
                + "difference, %d insufficient evidence", changes.size(), changes.size() == 1 ? "" : "s", window,
                helped, hurt, unclear, unknown);
        if (byOperator > 0) {
            head += String.format(Locale.ROOT, " (and %d by the operator, not counted)", byOperator);
        }
        String base = overall == null ? "no baseline shadow ran"
                : "live vs the untouched baseline: " + overall.plain();
        return head + "; " + base + ".";
    }
}
