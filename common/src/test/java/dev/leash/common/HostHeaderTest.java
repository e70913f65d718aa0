package dev.leash.common;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HostHeaderTest {

    @Test
    void readsTheNameOfANameOrAnIpv6LiteralWithOrWithoutAPort() {
        assertThat(HostHeader.name("127.0.0.1")).isEqualTo("127.0.0.1");
        assertThat(HostHeader.name("localhost:8081")).isEqualTo("localhost");
        assertThat(HostHeader.name("[::1]")).isEqualTo("[::1]");
        assertThat(HostHeader.name("[::1]:7071")).isEqualTo("[::1]");
        assertThat(HostHeader.name("gw.example:65535")).isEqualTo("gw.example");
    }

    @Test
    void refusesABadPortAMissingNameOrAStrayColon() {
        for (String bad : new String[] {"localhost:", "localhost:0", "localhost:65536", "localhost:7o71", "a:1:2",
                ":7071", "[::1", "[::1]x", "[::1]:", "localhost:123456"}) {
            assertThat(HostHeader.name(bad)).as(bad).isNull();
        }
    }
}
