package io.billwright.simulations.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.billwright.events.EventType;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimelineTest {

    private static final long DAY = 86_400L;
    private final Timeline timeline = new Timeline();

    @Test
    void releasesInTimeOrderAndAtTheSameSecondInTheOrderPlanned() {
        plan(3 * DAY + 10, "c");
        plan(DAY + 500, "a");
        plan(3 * DAY + 10, "d");
        plan(DAY + 20, "first");
        plan(2 * DAY, "b");

        assertThat(releaseBefore(10 * DAY)).containsExactly("first", "a", "b", "c", "d");
        assertThat(timeline.size()).isZero();
    }

    @Test
    void holdsWhatIsDueFromTheCutOffOnEvenWithinADay() {
        plan(DAY + 3_600, "late morning");
        plan(DAY + 60, "early");
        plan(DAY - 1, "the day before");
        plan(5 * DAY, "next week");

        assertThat(releaseBefore(DAY + 1_800)).containsExactly("the day before", "early");
        assertThat(timeline.size()).isEqualTo(2);
        plan(DAY + 2_000, "planned later, due sooner");
        List<String> rest = new ArrayList<>();
        timeline.releaseAll(message -> rest.add(message.subject()));
        assertThat(rest).containsExactly("planned later, due sooner", "late morning", "next week");
    }

    private void plan(long time, String subject) {
        timeline.plan(time, EventType.PERIOD_CLOSED, "/test", subject, "corr",
                new Payload.PeriodPayload("C-1", YearMonth.of(2026, 7)));
    }

    private List<String> releaseBefore(long time) {
        List<String> released = new ArrayList<>();
        timeline.releaseBefore(time, message -> released.add(message.subject()));
        return released;
    }
}
