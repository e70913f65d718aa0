package dev.leash.journal.internal;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The attribution rule over many seeded random fill sequences (jqwik is not a gateway test dependency). */
class AttributionTest {

    /**
     * For any sequence of fills (whole lots, versions never going back), the journal's position is the sum of the
     * fills, and each fill is credited to the version that opened its position: its own when it opens from flat.
     */
    @Test
    void creditsEachFillToTheVersionThatOpenedItsPosition() {
        Random random = new Random(11);
        for (int run = 0; run < 500; run++) {
            Attribution a = Attribution.FLAT;
            double sum = 0;
            long version = 1;
            long opener = Attribution.NONE;
            for (int i = 0; i < 30; i++) {
                int lot = random.nextInt(11) - 5;
                if (lot == 0) {
                    continue;
                }
                version += random.nextInt(3);
                double before = sum;
                sum += lot * 0.001;
                a = Attribution.next(a, lot * 0.001, version, false);

                assertThat(a.positionAfter()).isCloseTo(sum, within(1e-12));
                assertThat(a.openedBy()).isEqualTo(Math.abs(before) < 1e-12 ? version : opener)
                        .isLessThanOrEqualTo(version);
                boolean flipped = Math.abs(before) > 1e-12 && Math.signum(sum) == -Math.signum(before);
                opener = Math.abs(sum) < 1e-12 ? Attribution.NONE
                        : Math.abs(before) < 1e-12 || flipped ? version : opener;
                assertThat(a.positionOpenedBy()).isEqualTo(opener);
            }
        }
    }

    @Test
    void aReduceOnlyFillNeverOpensGrowsOrFlipsAPosition() {
        for (int held = -5; held <= 5; held++) {
            for (int lot = -9; lot <= 9; lot++) {
                if (lot == 0) {
                    continue;
                }
                Attribution before = held == 0 ? Attribution.FLAT : new Attribution(2, 0, held, 2);
                Attribution after = Attribution.next(before, lot, 3, true);

                assertThat(Math.abs(after.positionAfter())).isLessThanOrEqualTo(Math.abs(held));
                assertThat(after.positionAfter() * held).isGreaterThanOrEqualTo(0);
            }
        }
    }
}
