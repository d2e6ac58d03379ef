package io.billwright.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.billwright.engine.contract.BillingModel;
import io.billwright.engine.contract.Contract;
import io.billwright.engine.contract.ContractId;
import io.billwright.engine.contract.ContractStatus;
import io.billwright.engine.contract.Customer;
import io.billwright.engine.contract.ErpTarget;
import io.billwright.engine.contract.RateCard;
import io.billwright.engine.contract.RetainerTerms;
import io.billwright.engine.contract.SellerEntity;
import io.billwright.engine.eligibility.ItemAssessor;
import io.billwright.engine.item.ItemKind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every billing model has its one place, and the engine refuses to start without it. */
class BillingModelsTest {

    @Test
    void everyModelHasItsOwnBilling() {
        BillingModels models = new BillingModels();
        Decider decider = new Decider(new ItemAssessor(models::positions), models);
        models.register(List.of(new TimeAndMaterialsModel(), new FixedFeeModel(decider), new MilestoneModel(),
                new RetainerModel(new RetainerBilling(decider, new Packager()), decider)));

        for (BillingModel model : BillingModel.values()) {
            assertThat(models.of(contractUnder(model.name())).model()).isEqualTo(model);
        }
        assertThat(models.of(contractUnder("RETAINER")).timeKind()).isEqualTo(ItemKind.RETAINER_OVERAGE);
        assertThat(models.of(contractUnder("TIME_AND_MATERIALS")).timeKind()).isEqualTo(ItemKind.TIME);
        assertThat(models.of(contractUnder("BARTER")).entriesShareTheirMonth())
                .as("an unknown model adds nothing").isFalse();
        assertThat(models.of(null).positions(null, null, null)).isEmpty();
    }

    @Test
    void aModelWithoutItsBillingIsRefused() {
        BillingModels models = new BillingModels();

        assertThatThrownBy(() -> models.register(List.of(new TimeAndMaterialsModel(), new MilestoneModel())))
                .hasMessageContaining("no ModelBilling for FIXED_FEE");
    }

    private static Contract contractUnder(String model) {
        return new Contract(new ContractId("C-1"), 1,
                ContractStatus.APPROVED, LocalDate.parse("2026-01-01"), null,
                new Customer("CUST", "Customer", "DE", null, null, false, null),
                new SellerEntity("BW-DE", "DE", null), Currency.getInstance("EUR"),
                model, new RateCard(Map.of()), null, List.of(), List.of(),
                model.equals("RETAINER") ? new RetainerTerms(
                        new BigDecimal("1000.00"), BigDecimal.TEN, true, true) : null,
                null, null, null, ErpTarget.NETSUITE, null);
    }
}
