package dev.leash.gateway.cli;

import java.io.PrintStream;
import java.util.Map;

/** {@code backtest --data candles.csv [--params f] [--report out.html]}. */
final class BacktestCommand {

    private BacktestCommand() {
    }

    static int run(Args a, Map<String, String> env, PrintStream out, PrintStream err) throws Exception {
        throw new Args.UsageException("backtest is being wired to the backtester");
    }
}
