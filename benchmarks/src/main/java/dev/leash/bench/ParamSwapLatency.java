package dev.leash.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leash.gateway.app.Gateway;
import dev.leash.gateway.config.ConfigLoader;
import dev.leash.gateway.config.GatewayConfig;
import dev.leash.params.ParamsJson;
import dev.leash.params.WriteResult;
import dev.leash.risk.ParamField;
import dev.leash.risk.Params;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Measures "parameter change accepted -> first tick using it" on a real gateway (simulated venue, in-process):
 * the time from an accepted, durable {@code propose} returning to the end of the first inner-loop step that used
 * the new version. Not a JMH benchmark: each sample is one write, and the figure is a wall-clock latency.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.leash.bench.ParamSwapLatency [samples] [speed]</pre>
 */
public final class ParamSwapLatency {

    private ParamSwapLatency() {
    }

    public static void main(String[] args) throws Exception {
        int samples = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        double speed = args.length > 1 ? Double.parseDouble(args[1]) : 1.0;
        Path data = Files.createTempDirectory("leash-latency");
        GatewayConfig config = ConfigLoader.load(null, Map.of(), new ConfigLoader.Overrides(data, 0, speed));
        BlockingQueue<long[]> installed = new ArrayBlockingQueue<>(16);
        try (Gateway gw = Gateway.start(config, Map.of("LEASH_GATEWAY_TOKEN", "latency-bench-token-0123456789"),
                Clock.systemUTC())) {
            gw.inner().onParamsInstalled(p -> installed.offer(new long[] {p.version(), System.nanoTime()}));
            long[] micros = new long[samples];
            for (int i = 0; i < samples + 20; i++) {
                Params cur = gw.store().current();
                ObjectNode change = ParamsJson.MAPPER.createObjectNode()
                        .put(ParamField.BREAKOUT_LOOKBACK.wireName(), cur.breakoutLookback() == 20 ? 25 : 20);
                WriteResult r = gw.propose(null, change, "latency-bench", "latency probe: lookback toggle", false);
                long accepted = System.nanoTime();
                if (!r.accepted()) {
                    throw new IllegalStateException("probe rejected: " + r.violations());
                }
                long[] seen;
                do {
                    seen = installed.poll(5, TimeUnit.SECONDS);
                    if (seen == null) {
                        throw new IllegalStateException("version " + r.current().version() + " never reached a tick");
                    }
                } while (seen[0] != r.current().version());
                if (i >= 20) { // the first 20 warm the JIT
                    micros[i - 20] = (seen[1] - accepted) / 1_000;
                }
            }
            Arrays.sort(micros);
            System.out.printf("param change accepted -> first tick using it, %d samples, speed %.0fx:%n", samples,
                    speed);
            System.out.printf("  p50 %.3f ms  p90 %.3f ms  p99 %.3f ms  max %.3f ms%n", micros[samples / 2] / 1e3,
                    micros[samples * 9 / 10] / 1e3, micros[Math.min(samples - 1, samples * 99 / 100)] / 1e3,
                    micros[samples - 1] / 1e3);
        }
    }
}
