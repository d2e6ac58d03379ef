package io.billwright.events;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntConsumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A quick single-thread timing of {@link MessageReader#read} and of its costly parts over a JSON Lines file
 * (by default the example messages), for comparing a change with the code before it. Not a test: run its
 * main with the test class path. Prints the median of several rounds after a warm-up, in µs per line.
 *
 * <pre>java -cp events/target/classes:events/target/test-classes:$(deps) io.billwright.events.ReadTiming
 * [file] [seconds per round]</pre>
 */
public final class ReadTiming {

    private static final double WARM_UP_SECONDS = Double.parseDouble(System.getProperty("warmup", "20"));

    private ReadTiming() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args.length > 0 ? args[0] : "examples/messages/consulting-quarter.jsonl");
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 1.0;
        List<byte[]> lines = Files.readAllLines(file).stream().filter(l -> !l.isBlank())
                .map(l -> l.getBytes(StandardCharsets.UTF_8)).toList();
        InboundSchemas schemas = new InboundSchemas();
        MessageReader reader = new MessageReader(schemas, new EventDecoder(), 1 << 20);
        JsonMapper json = JsonMapper.builder().build();
        JsonNode[] roots = lines.stream().map(json::readTree).toArray(JsonNode[]::new);
        EventType[] types = Arrays.stream(roots).map(r -> EventType.of(r.get("type").asString()).orElseThrow())
                .toArray(EventType[]::new);
        long[] sink = new long[1];
        time("read", lines.size(), seconds, i -> {
            InboundMessage m = reader.read(lines.get(i));
            sink[0] += m.contentHash().length() + m.envelopeHash().length();
        });
        time("readTree", lines.size(), seconds, i -> sink[0] += json.readTree(lines.get(i)).size());
        time("checkEnvelope", lines.size(), seconds, i -> sink[0] += schemas.checkEnvelope(roots[i]) == null ? 1 : 2);
        time("checkData", lines.size(), seconds,
                i -> sink[0] += schemas.checkData(types[i], roots[i].get("data")) == null ? 1 : 2);
        InboundMessage[] messages = lines.stream().map(reader::read).toArray(InboundMessage[]::new);
        time("envelopeHash", lines.size(), seconds, i -> sink[0] += messages[i].envelopeHash().length());
        String[] times = Arrays.stream(roots).map(r -> r.get("time").asString()).toArray(String[]::new);
        time("time", lines.size(), seconds, i -> sink[0] += EventTime.parse(times[i]).getNano());
        System.out.println("(sink " + sink[0] + ")");
    }

    private static void time(String name, int lines, double seconds, IntConsumer work) {
        round(lines, WARM_UP_SECONDS, work); // on two busy cores the JIT needs long to settle
        double[] rounds = new double[7];
        for (int r = 0; r < rounds.length; r++) {
            rounds[r] = round(lines, seconds, work);
        }
        Arrays.sort(rounds);
        System.out.printf("%-14s %8.2f µs/line (min %.2f, max %.2f)%n", name, rounds[rounds.length / 2], rounds[0],
                rounds[rounds.length - 1]);
    }

    /** CPU time of this thread, not wall time: other builds share the machine's cores. */
    private static double round(int lines, double seconds, IntConsumer work) {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long start = CPU.getCurrentThreadCpuTime();
        long done = 0;
        while (System.nanoTime() < end) {
            for (int i = 0; i < lines; i++) {
                work.accept(i);
            }
            done += lines;
        }
        return (CPU.getCurrentThreadCpuTime() - start) / 1e3 / done;
    }

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
}
