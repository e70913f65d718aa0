package dev.leash.mcp.live;

import dev.leash.mcp.SdkStdioMain;
import org.junit.jupiter.api.Tag;

/**
 * The same suite over the SDK's own stdio transport ({@link SdkStdioMain} in a child JVM, launched as
 * {@link LiveGatewayOverStdioTest} launches Leash's); {@code -Psdk-transports}.
 */
@Tag("sdk-transports")
class LiveGatewayOverSdkStdioTest extends LiveGatewayOverStdioTest {

    @Override
    Class<?> serverMain() {
        return SdkStdioMain.class;
    }
}
