package io.billwright.messaging.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.billwright.engine.contract.ErpTarget;
import io.billwright.messaging.support.ServiceHarness;
import io.billwright.messaging.support.TestBroker;
import io.billwright.messaging.support.TestInfrastructure;
import io.billwright.messaging.topology.Topology;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A connector that follows {@code docs/erp-contract.md} to declare its ERP queue gets the queue, not
 * {@code 406 PRECONDITION_FAILED}: the arguments are read from the guide itself and declared against the
 * topology the running service made. (The guide once said "x-queue-type: quorum, nothing else", which the
 * broker refuses; that is checked too, so this test can tell the two apart.)
 */
class ConnectorQueueDeclarationIT {

    private static final Pattern ARGUMENTS = Pattern.compile(
            "<!-- erp-queue-arguments:[^>]*-->\\s*```json\\s*(\\{.*?})\\s*```", Pattern.DOTALL);

    @TempDir
    Path tmp;

    private final Topology topology = new Topology(TestInfrastructure.newNamespace());

    @AfterEach
    void deleteQueues() {
        try (TestBroker broker = new TestBroker()) {
            broker.deleteNamespace(topology);
        }
    }

    @Test
    void everyErpQueueDeclaredAsTheGuideSaysIsAccepted() throws Exception {
        String guide = Files.readString(Path.of("../docs/erp-contract.md"));
        Matcher block = ARGUMENTS.matcher(guide);
        assertThat(block.find()).as("the guide's queue arguments").isTrue();
        JsonNode documented = JsonMapper.builder().build().readTree(block.group(1).replaceAll("(?m)^\\s+", ""));
        Map<String, Object> arguments = new LinkedHashMap<>();
        documented.properties().forEach(e -> arguments.put(e.getKey(),
                e.getValue().asString().replaceFirst("^billwright\\.", topology.namespace() + ".")));

        try (ServiceHarness service = ServiceHarness.start(topology, TestInfrastructure.newH2(tmp.resolve("db")), Map.of());
             TestBroker broker = new TestBroker()) {
            for (ErpTarget target : ErpTarget.values()) {
                String queue = topology.erpQueue(target);
                assertThat(broker.declareAsAConnector(queue, arguments)).as(queue + " declared as the guide says")
                        .isNull();
                assertThat(broker.declareAsAConnector(queue, Map.of("x-queue-type", "quorum")))
                        .as(queue + " declared as the guide once said").contains("PRECONDITION_FAILED");
            }
        }
    }
}
