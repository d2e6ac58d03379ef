package io.billwright.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.billwright.engine.contract.ErpTarget;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TopologyTest {

    @Test
    void everyErpTargetHasItsOwnQueueAsTheDesignNamesThem() {
        assertThat(Arrays.stream(ErpTarget.values()).map(Topology::erpQueue))
                .containsExactly("billwright.erp.netsuite", "billwright.erp.sap-s4hana", "billwright.erp.dynamics365");
    }
}
