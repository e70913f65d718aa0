package dev.leash.journal;

import dev.leash.engine.Action;
import dev.leash.engine.OrderIntent;
import dev.leash.venue.Side;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;

import static dev.leash.journal.Fixtures.intent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(30)
@ParameterizedClass(name = "{0}")
@EnumSource(Backend.class)
class JournalOrdersTest {

    @Parameter
    Backend backend;

    @TempDir
    Path dir;

    private Store store;

    private Journal journal;

    @BeforeEach
    void open() {
        journal = store().open();
    }

    @AfterEach
    void close() {
        journal.close();
    }

    @Test
    void roundTripsAnOrder() {
        OrderIntent sell = new OrderIntent(1_000, "BTC-1-0", "BTCUSDT", -0.5, 60_000, true, Action.EXIT, 4);

        journal.recordOrder(sell, "NEW", null, null, 1_005);

        assertThat(journal.order("BTC-1-0")).contains(new OrderRecord("BTC-1-0", null, "BTCUSDT", Side.SELL, 0.5,
                60_000, 0, "NEW", true, Action.EXIT, 4, 1_000, 1_005, null));
    }

    @Test
    void recordsOrderOnceWhenReplayed() throws Exception {
        journal.recordOrder(intent("c1", "BTCUSDT", 1, 1_000), "PENDING", null, null, 1_000);
        journal.recordOrder(intent("c1", "BTCUSDT", 1, 1_000), "NEW", "v-9", null, 1_010);
        journal.recordOrder(intent("c1", "BTCUSDT", 1, 1_000), "NEW", null, null, 1_020);

        assertThat(store().query("SELECT COUNT(*) FROM orders")).isEqualTo(1);
        OrderRecord order = journal.order("c1").orElseThrow();
        assertThat(order.status()).isEqualTo("NEW");
        assertThat(order.venueOrderId()).as("kept when a later call does not know it").isEqualTo("v-9");
        assertThat(order.createdAt()).isEqualTo(1_000);
        assertThat(order.updatedAt()).isEqualTo(1_020);
    }

    @Test
    void keepsATerminalStatusWhenALateAcknowledgementIsReplayed() {
        journal.recordOrder(intent("c1", "BTCUSDT", 1, 1_000), "PENDING", null, null, 1_000);
        journal.updateOrderStatus("c1", "FILLED", 1, 1_010);

        journal.recordOrder(intent("c1", "BTCUSDT", 1, 1_000), "NEW", "v-9", null, 1_020);

        OrderRecord order = journal.order("c1").orElseThrow();
        assertThat(order.status()).isEqualTo("FILLED");
        assertThat(order.filledQty()).isEqualTo(1);
        assertThat(order.venueOrderId()).isEqualTo("v-9");
        assertThat(journal.orders(null, true, 10)).isEmpty();
    }

    @Test
    void keepsTheRejectReason() {
        journal.recordOrder(intent("c1", "BTCUSDT", 1, 1_000), "REJECTED", null, "insufficient margin", 1_001);

        OrderRecord order = journal.order("c1").orElseThrow();
        assertThat(order.rejectReason()).isEqualTo("insufficient margin");
        assertThat(order.open()).isFalse();
    }

    @Test
    void updatesStatusAndFilledQuantity() {
        journal.recordOrder(intent("c1", "BTCUSDT", 2, 1_000), "NEW", "v1", null, 1_000);

        assertThat(journal.updateOrderStatus("c1", "PARTIALLY_FILLED", 1.5, 2_000)).isTrue();

        OrderRecord order = journal.order("c1").orElseThrow();
        assertThat(order.status()).isEqualTo("PARTIALLY_FILLED");
        assertThat(order.filledQty()).isEqualTo(1.5);
        assertThat(order.updatedAt()).isEqualTo(2_000);
        assertThat(order.open()).isTrue();
    }

    @Test
    void reportsAnUpdateOfAnUnknownOrder() {
        assertThat(journal.updateOrderStatus("nope", "FILLED", 1, 2_000)).isFalse();
        assertThat(journal.order("nope")).isEmpty();
    }

    @Test
    void listsNewestFirstBySymbolAndOpenness() {
        journal.recordOrder(intent("a", "BTCUSDT", 1, 1_000), "FILLED", null, null, 1_000);
        journal.recordOrder(intent("b", "ETHUSDT", 1, 2_000), "NEW", null, null, 2_000);
        journal.recordOrder(intent("c", "BTCUSDT", 1, 3_000), "PARTIALLY_FILLED", null, null, 3_000);
        journal.recordOrder(intent("d", "BTCUSDT", 1, 4_000), "CANCELLED", null, null, 4_000);
        journal.recordOrder(intent("e", "BTCUSDT", 1, 5_000), "PENDING", null, null, 5_000);

        assertThat(journal.orders(null, false, 10)).extracting(OrderRecord::clientOrderId)
                .containsExactly("e", "d", "c", "b", "a");
        assertThat(journal.orders("BTCUSDT", false, 2)).extracting(OrderRecord::clientOrderId)
                .containsExactly("e", "d");
        assertThat(journal.orders(null, true, 10)).extracting(OrderRecord::clientOrderId)
                .containsExactly("e", "c", "b");
        assertThat(journal.orders("BTCUSDT", true, 10)).extracting(OrderRecord::clientOrderId)
                .containsExactly("e", "c");
    }

    @Test
    void refusesANonPositiveLimit() {
        assertThatThrownBy(() -> journal.orders(null, false, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    /** This test's database, created on first use. */
    private Store store() {
        if (store == null) {
            store = backend.create(dir);
        }
        return store;
    }
}
