package dev.leash.engine;

import java.util.ArrayList;
import java.util.List;

/** An engine listener that records every event in order; bar-close HOLD decisions only when asked for. */
final class RecordingListener implements EngineListener {

    private final List<Record> events = new ArrayList<>();
    private final boolean barDecisions;

    RecordingListener(boolean barDecisions) {
        this.barDecisions = barDecisions;
    }

    @Override
    public void onDecision(Decision decision) {
        events.add(decision);
    }

    @Override
    public void onRiskRejection(RiskRejection rejection) {
        events.add(rejection);
    }

    @Override
    public void onStateChange(StateChange change) {
        events.add(change);
    }

    @Override
    public boolean wantsBarDecisions() {
        return barDecisions;
    }

    List<Record> events() {
        return List.copyOf(events);
    }

    List<Decision> decisions() {
        return only(Decision.class);
    }

    List<RiskRejection> rejections() {
        return only(RiskRejection.class);
    }

    List<StateChange> stateChanges() {
        return only(StateChange.class);
    }

    void clear() {
        events.clear();
    }

    private <T> List<T> only(Class<T> type) {
        List<T> out = new ArrayList<>();
        for (Record e : events) {
            if (type.isInstance(e)) {
                out.add(type.cast(e));
            }
        }
        return out;
    }
}
