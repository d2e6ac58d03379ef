package io.billwright.rules.check;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.billwright.engine.ruleset.drools.model.CompiledModule;
import io.billwright.engine.ruleset.lint.Finding;
import io.billwright.rules.release.ReleaseContents;
import io.billwright.rules.release.ReleaseJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;

/**
 * Runs a compiled module's scenarios in a separate, short-lived JVM with a small heap and a time limit:
 * a rule set that loops, allocates without bound or crashes takes that JVM down, never the caller's.
 */
public final class IsolatedScenarios {

    /** What the run found: one list of findings per file, the rules' firing counts, and problems of the run. */
    public record Run(List<List<Finding>> files, Map<String, Long> coverage, List<Finding> problems) {
    }

    private final ScenarioLimits limits;

    public IsolatedScenarios(ScenarioLimits limits) {
        this.limits = limits;
    }

    public Run run(CompiledModule module, List<Path> scenarioFiles) {
        Path staged = null;
        try {
            staged = Files.createTempFile("billwright-check-", ".jar");
            Files.write(staged, ReleaseContents.staged(module));
            return launch(staged, scenarioFiles);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stage the rule set for its check: " + e.getMessage(), e);
        } finally {
            if (staged != null) {
                try {
                    Files.deleteIfExists(staged);
                } catch (IOException ignored) {
                    // a temp file left behind is harmless
                }
            }
        }
    }

    private Run launch(Path staged, List<Path> files) throws IOException {
        Path reportFile = Files.createTempFile("billwright-check-", ".json");
        try {
            return launch(staged, files, reportFile);
        } finally {
            Files.deleteIfExists(reportFile);
        }
    }

    private Run launch(Path staged, List<Path> files, Path reportFile) throws IOException {
        List<String> command = new ArrayList<>(JavaCommand.forMainClass(ScenarioProcess.class.getName(),
                List.of("-Xmx" + limits.heapMegabytes() + "m", "-XX:+ExitOnOutOfMemoryError", "-XX:TieredStopAtLevel=1",
                        "-Xshare:auto")));
        command.add(staged.toString());
        command.add(reportFile.toString());
        command.add(Long.toString(limits.perScenario().toMillis()));
        command.add(Long.toString(limits.perFiring().toMillis()));
        files.forEach(f -> command.add(f.toAbsolutePath().toString()));
        ProcessBuilder builder = new ProcessBuilder(command);
        // the checking JVM gets none of this process's secrets (a signing key, database credentials)
        Map<String, String> environment = builder.environment();
        environment.keySet().retainAll(java.util.Set.of("PATH", "HOME", "LANG", "TMPDIR", "JAVA_HOME"));
        Process process = builder.start();
        Drain stdout = Drain.of(process.getInputStream());
        Drain stderr = Drain.of(process.getErrorStream());
        long limitMillis = limits.total(files.size()).toMillis();
        boolean finished;
        try {
            finished = process.waitFor(limitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the scenarios ran", e);
        }
        if (!finished) {
            process.destroyForcibly();
            return failed("the scenarios did not finish within " + limitMillis / 1000 + " s, so their JVM was stopped:"
                    + " a rule runs too long or fires without end");
        }
        int status = process.exitValue();
        stdout.text();
        String report = Files.exists(reportFile) ? Files.readString(reportFile) : "";
        if (status == 3 || stderr.text().contains("java.lang.OutOfMemoryError")) {
            return failed("the scenarios ran out of memory (their JVM has " + limits.heapMegabytes() + " MB): a rule"
                    + " allocates without bound");
        }
        if (report.isBlank() || (status != 0 && status != ScenarioProcess.TIMED_OUT)) {
            return failed("the scenario JVM ended with status " + status + " and no report: " + tail(stderr.text()));
        }
        ScenarioReport parsed = ReleaseJson.mapper().readValue(report, ScenarioReport.class);
        List<List<Finding>> out = new ArrayList<>();
        for (ScenarioReport.FileResult file : parsed.files()) {
            out.add(file.findings().stream().map(l -> Finding.error(l.file(), l.line(), l.message())).toList());
        }
        List<Finding> problems = new ArrayList<>();
        if (parsed.stopped() != null) {
            int unrun = files.size() - parsed.files().size();
            problems.add(Finding.error(null, 0, parsed.stopped() + (unrun > 0 ? "; " + unrun + " scenario files after it"
                    + " were not run" : "")));
        }
        return new Run(out, parsed.coverage(), problems);
    }

    private static Run failed(String why) {
        return new Run(List.of(), Map.of(), List.of(Finding.error(null, 0, why)));
    }

    private static String tail(String text) {
        String trimmed = text.strip();
        return trimmed.length() > 600 ? "..." + trimmed.substring(trimmed.length() - 600) : trimmed;
    }

    /** Reads a process stream to the end on its own thread, so neither pipe can fill and block the child. */
    private static final class Drain {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final Thread thread;

        private Drain(InputStream in) {
            this.thread = new Thread(() -> {
                try (in) {
                    in.transferTo(bytes);
                } catch (IOException ignored) {
                    // the process was stopped
                }
            }, "scenario-check-output");
            thread.setDaemon(true);
            thread.start();
        }

        static Drain of(InputStream in) {
            return new Drain(in);
        }

        String text() {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            synchronized (bytes) {
                return bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
            }
        }
    }

    /** The command that starts a main class of this class path in a new JVM, from a plain class path or a Boot jar. */
    static final class JavaCommand {
        private JavaCommand() {
        }

        static List<String> forMainClass(String mainClass, List<String> jvmOptions) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            String classPath = loaderClassPath().orElse(System.getProperty("java.class.path"));
            List<String> command = new ArrayList<>();
            command.add(java);
            command.addAll(jvmOptions);
            if (isBootJar(classPath)) {
                // a Spring Boot jar nests its libraries: its launcher builds the class path and runs loader.main
                command.add("-Dloader.main=" + mainClass);
                command.add("-cp");
                command.add(classPath);
                command.add("org.springframework.boot.loader.launch.PropertiesLauncher");
            } else {
                command.add("-cp");
                command.add(classPath);
                command.add(mainClass);
            }
            return command;
        }

        /**
         * The class path of the loader this class came from, when it is a plain list of files: under
         * {@code mvn exec:java} the project's classes are there, not on {@code java.class.path}.
         */
        private static java.util.Optional<String> loaderClassPath() {
            if (!(IsolatedScenarios.class.getClassLoader() instanceof java.net.URLClassLoader loader)) {
                return java.util.Optional.empty();
            }
            List<String> paths = new ArrayList<>();
            for (java.net.URL url : loader.getURLs()) {
                if (!"file".equals(url.getProtocol())) {
                    return java.util.Optional.empty();
                }
                try {
                    paths.add(Path.of(url.toURI()).toString());
                } catch (java.net.URISyntaxException e) {
                    return java.util.Optional.empty();
                }
            }
            return paths.isEmpty() ? java.util.Optional.empty()
                    : java.util.Optional.of(String.join(java.io.File.pathSeparator, paths));
        }

        private static boolean isBootJar(String classPath) {
            if (classPath == null || classPath.contains(java.io.File.pathSeparator) || !classPath.endsWith(".jar")) {
                return false;
            }
            try (JarFile jar = new JarFile(classPath)) {
                return jar.getManifest() != null && String.valueOf(jar.getManifest().getMainAttributes()
                        .getValue("Main-Class")).startsWith("org.springframework.boot.loader");
            } catch (IOException e) {
                return false;
            }
        }
    }
}
