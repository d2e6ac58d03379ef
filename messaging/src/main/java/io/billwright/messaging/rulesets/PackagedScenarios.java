package io.billwright.messaging.rulesets;

import io.billwright.engine.ruleset.RuleSource;
import io.billwright.rules.DefaultRuleSet;
import io.billwright.rules.check.RuleSetCheck;
import io.billwright.rules.check.ScenarioLimits;
import io.billwright.rules.scenario.ScenarioFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Checks the packaged default rule set against the scenarios packaged beside it (in a jar or a folder). */
final class PackagedScenarios {

    private PackagedScenarios() {
    }

    /** The service's own rules and scenarios run in its own JVM: they are its code, shipped in its jar. */
    private static RuleSetCheck inProcess(List<RuleSource> sources, List<Path> scenarios) {
        return RuleSetCheck.of(sources, DefaultRuleSet.LABEL, null, scenarios, RuleSetCheck.Isolation.IN_PROCESS,
                ScenarioLimits.DEFAULT);
    }

    static RuleSetCheck check(List<RuleSource> sources) {
        URL url = DefaultRuleSet.class.getClassLoader().getResource(DefaultRuleSet.SCENARIOS_ROOT);
        if (url == null) {
            return inProcess(sources, List.of());
        }
        try {
            URI uri = url.toURI();
            if (!"jar".equals(uri.getScheme())) {
                return inProcess(sources, ScenarioFiles.under(List.of(Path.of(uri))));
            }
            FileSystem jar;
            boolean opened = false;
            try {
                jar = FileSystems.newFileSystem(uri, Map.of());
                opened = true;
            } catch (FileSystemAlreadyExistsException alreadyOpen) {
                jar = FileSystems.getFileSystem(uri);
            }
            try {
                return inProcess(sources, ScenarioFiles.under(List.of(jar.getPath(DefaultRuleSet.SCENARIOS_ROOT))));
            } finally {
                if (opened) {
                    jar.close();
                }
            }
        } catch (URISyntaxException e) {
            throw new IllegalStateException("bad class path URL " + url, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the packaged scenarios at " + url, e);
        }
    }
}
