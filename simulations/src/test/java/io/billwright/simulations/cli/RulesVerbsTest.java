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
        assertThat(out.toString()).contains("88 rules;").contains("0 failed; 0 errors").contains("would accept it");
    }
}
