package dev.leash.gateway.shadow;

import dev.leash.risk.Limits;
import dev.leash.venue.Instrument;

import java.util.List;

/**
 * Replays journaled market steps through a fresh book, as the shadow books ran it: the bars before its start warm it
 * up, then it takes every step from its start on. A shadow's fills must equal its replay's (the determinism check).
 */
public final class StepReplay {

    private StepReplay() {
    }

    /**
     * A fresh book started as {@code saved} was, stepped through {@code steps} (oldest first, from before its start
     * by the warm-up at least); {@code historyBars} as in {@link ShadowBooks.Settings}.
     */
    public static ShadowBook replay(BookCheckpoint saved, List<Instrument> instruments, Limits limits,
                                    int historyBars, List<MarketStep> steps) {
        BarHistory history = new BarHistory(historyBars, instruments.size());
        ShadowBook book = null;
        for (MarketStep s : steps) {
            if (s.time() < saved.since()) {
                s.warmup().forEach(history::add);
                s.bars().forEach(history::add);
                continue;
            }
            if (book == null) {
                s.warmup().forEach(history::add);
                BookCheckpoint.BookStart start = saved.start();
                book = new ShadowBook(saved.name(), instruments, limits, saved.params(), saved.since(),
                        start.equity());
                book.warmUp(history.bars());
                book.holdLivePositions(start.position(), start.entry(), start.price());
            }
            if (!saved.name().equals(ShadowJournal.BASELINE)) {
                book.followVetoes(s.liveTracking());
            }
            book.step(s);
        }
        if (book == null) {
            throw new IllegalArgumentException("no journaled step at or after the start of " + saved.name());
        }
        return book;
    }
}
