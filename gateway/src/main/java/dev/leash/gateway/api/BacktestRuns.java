package dev.leash.gateway.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leash.backtest.BacktestResult;
import dev.leash.backtest.BacktestWindow;
import dev.leash.backtest.Backtester;
import dev.leash.backtest.Bars;
import dev.leash.backtest.WalkForward;
import dev.leash.params.FieldChange;
import dev.leash.risk.Params;

/** The current parameters' runs over the whole window and its walk-forward split, shared by every candidate. */
final class BacktestRuns {

    private final Backtester backtester;
    private final Bars all;
    private final BacktestWindow window;
    private final BacktestResult current;
    private final WalkForward split;
    private final BacktestResult currentFit;
    private final BacktestResult currentTest;

    BacktestRuns(Backtester backtester, Bars all, Params current) {
        this.backtester = backtester;
        this.all = all;
        this.window = BacktestWindow.of(all, backtester.warmupBars());
        this.current = backtester.run(current, all);
        this.split = WalkForward.split(all, backtester.warmupBars());
        this.currentFit = split == null ? null : backtester.run(current, split.fit());
        this.currentTest = split == null ? null : backtester.run(current, split.test());
    }

    ObjectNode currentOutOfSample() {
        ObjectNode o = Json.object();
        if (split == null) {
            o.put("unavailable", "the window is too short to split");
            return o;
        }
        o.set("fit", part(split.fitWindow(), currentFit, null, true));
        o.set("test", part(split.testWindow(), currentTest, null, true));
        return o;
    }

    /** A candidate's figures, its difference with the current ones, and the same on the split. */
    ObjectNode candidate(Params currentParams, Params candidate, boolean withCurrent) {
        ObjectNode o = Json.object();
        o.set("changes", FieldChange.toJson(FieldChange.between(currentParams, candidate)));
        BacktestResult r = backtester.run(candidate, all);
        o.set("candidate", BacktestJson.metrics(r, window, -1));
        o.set("candidate_minus_current", BacktestJson.difference(current, r));
        if (split == null) {
            o.putObject("out_of_sample").put("unavailable", "the window is too short to split");
            return o;
        }
        ObjectNode oos = o.putObject("out_of_sample");
        oos.set("fit", part(split.fitWindow(), currentFit, backtester.run(candidate, split.fit()), withCurrent));
        oos.set("test", part(split.testWindow(), currentTest, backtester.run(candidate, split.test()),
                withCurrent));
        oos.put("note", "fit is the earlier " + Math.round(WalkForward.FIT_SHARE * 100) + " % of the window,"
                + " test the later rest; judge a candidate by test, the bars it was not tuned on");
        return o;
    }

    private ObjectNode part(BacktestWindow w, BacktestResult cur, BacktestResult cand, boolean withCurrent) {
        ObjectNode o = Json.object();
        if (withCurrent) {
            o.set("window", BacktestJson.window(w, 0));
            o.set("current", BacktestJson.metrics(cur, w, -1));
        }
        if (cand != null) {
            o.set("candidate", BacktestJson.metrics(cand, w, -1));
            o.set("candidate_minus_current", BacktestJson.difference(cur, cand));
        }
        return o;
    }

    BacktestWindow window() {
        return window;
    }

    BacktestResult current() {
        return current;
    }
}
