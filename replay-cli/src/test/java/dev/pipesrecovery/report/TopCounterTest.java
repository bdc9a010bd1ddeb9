package dev.pipesrecovery.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TopCounterTest {

    @Test
    void countsExactlyWhileTheDistinctValuesFit() {
        TopCounter counter = new TopCounter(10);
        counter.add("a", 3);
        counter.add("b", 1);
        counter.add("a", 2);
        assertThat(counter.top(5)).containsExactly(new TopCounter.Entry("a", 5), new TopCounter.Entry("b", 1));
        assertThat(counter.exact()).isTrue();
        assertThat(counter.total()).isEqualTo(6);
    }

    @Test
    void keepsTheHeavyValuesInBoundedMemoryAndBoundsTheError() {
        TopCounter counter = new TopCounter(100);
        long heavy = 0;
        for (int i = 0; i < 100_000; i++) {
            if (i % 10 == 0) {
                counter.add("heavy", 1);
                heavy++;
            } else {
                counter.add("light-" + i, 1); // 90,000 values seen once each
            }
        }
        assertThat(counter.tracked()).isLessThan(200);
        assertThat(counter.exact()).isFalse();
        TopCounter.Entry top = counter.top(1).get(0);
        assertThat(top.value()).isEqualTo("heavy");
        assertThat(top.count()).isBetween(heavy - counter.maxError(), heavy);
        assertThat(counter.total()).isEqualTo(100_000);
    }
}
