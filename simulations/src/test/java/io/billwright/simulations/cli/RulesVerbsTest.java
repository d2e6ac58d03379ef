package io.billwright.simulations.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The analysts' verbs travel in the simulations jar: {@code java -jar billwright-simulations.jar rules ...}. */
class RulesVerbsTest {

    @Test
    void validatesARuleFolderThroughTheSimulationsJarsCommandLine() {
        StringWriter out = new StringWriter();
        int status = SimulationsCli.commandLine().setOut(new PrintWriter(out, true)).execute("rules", "validate",
                "../rules/src/main/resources/billwright/rules", "--scenarios", "../rules/src/test/resources/scenarios/tm");

        assertThat(status).isZero();
        assertThat(out.toString()).contains("96 rules;").contains("0 failed; 0 errors").contains("would accept it");
    }

    @Test
    void usageLinesNameTheCommandsAsTheyAreTyped() {
        StringWriter err = new StringWriter();
        int status = SimulationsCli.commandLine().setErr(new PrintWriter(err, true)).execute("rules", "diff");

        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).contains("Usage: billwright-simulations.jar rules diff [-hV] OLD NEW");
    }
}
