package dev.leash.gateway.app;

import dev.leash.gateway.shadow.ShadowJournal;
import dev.leash.journal.Journal;
import dev.leash.journal.ShadowRun;
import dev.leash.venue.Fill;

/** Journals the shadow books' runs and fills through the journal's writer; called on the shadow thread. */
final class ShadowFillJournal implements ShadowJournal {

    private final Journal journal;

    ShadowFillJournal(Journal journal) {
        this.journal = journal;
    }

    @Override
    public long started(String name, String kind, long paramsVersion, long liveVersion, long since, double equity) {
        return journal.recordShadowStart(name, kind, paramsVersion, liveVersion, since, equity);
    }

    @Override
    public long activeRun(String name, long since) {
        long id = -1;
        for (ShadowRun run : journal.shadowRuns(since, since)) {
            if (run.name().equals(name) && run.since() == since && run.retired() == ShadowRun.ACTIVE) {
                id = Math.max(id, run.id());
            }
        }
        return id;
    }

    @Override
    public void filled(long runId, String name, long paramsVersion, Fill fill, double positionAfter) {
        journal.recordShadowFill(runId, name, paramsVersion, fill, positionAfter);
    }

    @Override
    public void retired(long runId, long time) {
        journal.recordShadowRetired(runId, time);
    }
}
