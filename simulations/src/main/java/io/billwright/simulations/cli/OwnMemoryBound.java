package io.billwright.simulations.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The simulator bounds its own memory. A JVM started without a heap limit takes a quarter of the machine's
 * memory as its limit and grows into it (a million-event run reached 5.3 GB); started that way, the tool
 * starts itself again, once, with {@value #HEAP} and otherwise the same settings, and waits for it. A heap
 * limit given on the command line ({@code -Xmx}, {@code -XX:MaxRAMPercentage}, ...) is the user's and is
 * kept as it is.
 *
 * <p>The restarted JVM also collects with the parallel collector unless a collector was chosen: a run is a
 * batch that wants throughput, not short pauses. A million-event run took 55 s with it against 73 s with G1,
 * and peaked at 1.5 GB against 1.9 GB (docs/benchmarks.md, session 10).
 */
final class OwnMemoryBound {

    /** The heap a million-event run needs (peak RSS 1.8 GB with it, measured in docs/benchmarks.md). */
    static final String HEAP = "-Xmx1536m";

    /** The collector for a batch run, when the user chose none. */
    static final String COLLECTOR = "-XX:+UseParallelGC";

    /** Set in the restarted JVM, so it never starts a third. */
    static final String BOUNDED = "BILLWRIGHT_SIMULATIONS_BOUNDED";

    private OwnMemoryBound() {
    }

    /** Whether these JVM arguments already limit the heap. */
    static boolean limited(List<String> jvmArguments) {
        return jvmArguments.stream().anyMatch(argument -> argument.startsWith("-Xmx")
                || argument.startsWith("-XX:MaxHeapSize") || argument.startsWith("-XX:MaxRAM")
                || argument.startsWith("-XX:MaxRAMPercentage"));
    }

    /** The command that runs the tool again with the bound: the same java, arguments and class path. */
    static List<String> boundedCommand(Path java, List<String> jvmArguments, String classPath, String[] args) {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.add(HEAP);
        if (jvmArguments.stream().noneMatch(argument -> argument.matches("-XX:[+-]Use\\w*GC"))) {
            command.add(COLLECTOR);
        }
        command.addAll(jvmArguments);
        command.add("-cp");
        command.add(classPath);
        command.add(SimulationsCli.class.getName());
        command.addAll(List.of(args));
        return command;
    }

    /**
     * Runs the tool again with the bound and returns its exit status, or -1 when this JVM should go on itself:
     * it is bounded already, is the restarted one, or cannot start another.
     */
    static int runBounded(String[] args, Map<String, String> environment) {
        List<String> jvmArguments = java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments();
        if (environment.containsKey(BOUNDED) || limited(jvmArguments)) {
            return -1;
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(boundedCommand(java, jvmArguments,
                System.getProperty("java.class.path"), args)).inheritIO();
        builder.environment().put(BOUNDED, "1");
        try {
            Process child = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(child::destroy));
            return child.waitFor();
        } catch (IOException e) {
            return -1; // no second JVM to be had: go on unbounded rather than not at all
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }
}
