package io.billwright.simulations.generate;

import io.billwright.engine.contract.BillingModel;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Generates a realistic data set for what-if simulations: a professional-services firm's months of work as the
 * CloudEvents JSON Lines the billing service consumes (one message per line, in the order of their {@code time},
 * each valid against its schema). The same options always give the same bytes.
 *
 * <p>The firm has customers in Europe, North America and Asia-Pacific (every tax treatment the engine knows:
 * domestic VAT and GST, Canadian provinces, US states, EU reverse charge, EU consumers, exports, exempt bodies),
 * served by eight legal entities in six currencies into three ERPs; contracts of all four billing models with rate
 * cards, caps, schedules, milestones, retainers, retention and expense policies (per expense, per day and per
 * trip limits), some amended from a later month or backdated into a billed one, and a few completed; weekly
 * timesheets with overtime, weekend and holiday work, submitted and approved on time or late, some rejected or
 * corrected after approval or after billing; expense claims near and over their limits, some without receipts;
 * and every contract's monthly close. The simulations README lists how often each case occurs.
 *
 * <p>Messages are written as they are planned, a week at a time; only messages still in flight are held.
 * <pre>{@code
 * GenerationSummary summary = new DatasetGenerator(GeneratorOptions.defaults(42)).writeTo(Path.of("quarter.jsonl"));
 * System.out.print(summary.describe());
 * }</pre>
 */
public final class DatasetGenerator {

    private final GeneratorOptions options;

    public DatasetGenerator(GeneratorOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /** Writes the data set to {@code file}, replacing it. */
    public GenerationSummary writeTo(Path file) {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            return writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Writes the data set to {@code out}, flushed but left open. */
    public GenerationSummary writeTo(OutputStream out) {
        Firm firm = new FirmBuilder(options).build();
        Timeline timeline = new Timeline();
        ContractCalendar calendar = new ContractCalendar(options, timeline);
        firm.engagements().forEach(calendar::plan);
        DayLabels labels = new DayLabels(options.firstDay(), options.lastDay());
        TimesheetPlanner timesheets = new TimesheetPlanner(options, firm, timeline, labels);
        ExpensePlanner expenses = new ExpensePlanner(options, firm, timeline, labels);
        EventWriter writer = new EventWriter(out, options.seed());
        try (writer) {
            LocalDate monday = options.firstDay().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            for (int week = 0; !monday.isAfter(options.lastDay()); week++, monday = monday.plusWeeks(1)) {
                for (Person person : firm.people()) {
                    timesheets.plan(person, monday, week);
                    expenses.plan(person, monday, week);
                }
                timeline.releaseBefore(Instants.startOf(monday.plusWeeks(1)), writer::write);
            }
            timeline.releaseAll(writer::write);
        }
        return summary(firm, writer);
    }

    private GenerationSummary summary(Firm firm, EventWriter writer) {
        Map<BillingModel, Integer> models = new EnumMap<>(BillingModel.class);
        firm.engagements().forEach(e -> models.merge(e.model(), 1, Integer::sum));
        int amended = (int) firm.engagements().stream().filter(Engagement::amended).count();
        int completed = (int) firm.engagements().stream().filter(Engagement::completes).count();
        return new GenerationSummary(options, writer.written(), writer.counts(), models, firm.customers().size(),
                firm.people().size(), amended, completed, Instant.ofEpochSecond(writer.firstTime()),
                Instant.ofEpochSecond(writer.lastTime()));
    }
}
