package io.billwright.simulations.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DayLabelsTest {

    private final DayLabels labels = new DayLabels(LocalDate.of(2026, 7, 1), LocalDate.of(2026, 9, 30));

    @Test
    void labelsEveryDayAsJavaTimeWouldInsideAndOutsideTheDataSet() {
        for (LocalDate day = LocalDate.of(2026, 6, 20); day.isBefore(LocalDate.of(2026, 10, 10)); day = day.plusDays(1)) {
            assertThat(labels.iso(day)).isEqualTo(day.toString());
            assertThat(labels.compact(day)).isEqualTo(day.toString().replace("-", ""));
        }
    }
}
