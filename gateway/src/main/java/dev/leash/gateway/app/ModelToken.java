package dev.leash.gateway.app;

import dev.leash.common.Tokens;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** The model token: the MCP server's bearer token for the gateway, which must differ from the operator's. */
public final class ModelToken {

    /** The model token's environment variable. */
    public static final String ENV = "LEASH_MODEL_TOKEN";
    /** The model token's file in the data directory. */
    public static final String FILE = "model.token";

    private ModelToken() {
    }

    /**
     * The model token from {@code LEASH_MODEL_TOKEN}, else {@code model.token} in {@code dataDir} (created when
     * missing); refused when it equals the operator's, since the model would then write as the operator.
     */
    public static Tokens.Token load(Map<String, String> env, Path dataDir, Tokens.Token operator) throws IOException {
        Tokens.Token model = Tokens.load(env.get(ENV), ENV, dataDir.resolve(FILE));
        if (Tokens.matches(model.value(), operator.value())) {
            throw new IOException("the model token (" + model.source() + ") equals the gateway token ("
                    + operator.source() + "); they must differ, or the model would write as the operator");
        }
        return model;
    }
}
