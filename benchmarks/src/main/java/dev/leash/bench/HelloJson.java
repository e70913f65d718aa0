package dev.leash.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;

/**
 * The reference for the REST load script: a Javalin server (the gateway's version) answering {@code GET /hello} with
 * a small JSON object serialized by Jackson on each request, the least a Javalin JSON endpoint does.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.leash.bench.HelloJson PORT</pre>
 */
public final class HelloJson {

    private HelloJson() {
    }

    public static void main(String[] args) {
        ObjectMapper mapper = new ObjectMapper();
        Javalin.create(cfg -> {
            cfg.jetty.host = "127.0.0.1";
            cfg.jetty.port = Integer.parseInt(args[0]);
            cfg.startup.showJavalinBanner = false;
            cfg.routes.get("/hello", ctx -> {
                ObjectNode o = mapper.createObjectNode();
                o.put("hello", "world");
                o.put("time", System.currentTimeMillis());
                ctx.contentType("application/json").result(mapper.writeValueAsString(o));
            });
        }).start();
    }
}
