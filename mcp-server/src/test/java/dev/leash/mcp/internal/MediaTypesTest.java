package dev.leash.mcp.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MediaTypesTest {

    @Test
    void acceptAdmitsExactTypesAndWildcardRangesWhateverTheirParameters() {
        assertThat(MediaTypes.accepts("application/json, text/event-stream", MediaTypes.JSON)).isTrue();
        assertThat(MediaTypes.accepts("text/event-stream ; q=0.5,APPLICATION/JSON", MediaTypes.JSON)).isTrue();
        assertThat(MediaTypes.accepts("*/*", MediaTypes.EVENT_STREAM)).isTrue();
        assertThat(MediaTypes.accepts("application/*;q=0.9", MediaTypes.JSON)).isTrue();
        assertThat(MediaTypes.accepts("application/*", MediaTypes.EVENT_STREAM)).isFalse();
        assertThat(MediaTypes.accepts("text/event-stream", MediaTypes.JSON)).isFalse();
        assertThat(MediaTypes.accepts("application/jsonx", MediaTypes.JSON)).isFalse();
        assertThat(MediaTypes.accepts(null, MediaTypes.JSON)).isFalse();
    }

    @Test
    void contentTypeIsJsonWithOrWithoutACharset() {
        assertThat(MediaTypes.isJson("application/json")).isTrue();
        assertThat(MediaTypes.isJson("Application/JSON; charset=utf-8")).isTrue();
        assertThat(MediaTypes.isJson("application/json-patch+json")).isFalse();
        assertThat(MediaTypes.isJson("text/plain")).isFalse();
        assertThat(MediaTypes.isJson(null)).isFalse();
    }
}
