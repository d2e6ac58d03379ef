package io.billwright.messaging.erp;

import static org.assertj.core.api.Assertions.assertThat;

import io.billwright.engine.BillingEngine;
import io.billwright.engine.Outcome;
import io.billwright.engine.billing.BillingPackage;
import io.billwright.engine.billing.QuantityUnit;
import io.billwright.engine.contract.Contract;
import io.billwright.engine.event.TimeEntryRecorded;
import io.billwright.engine.item.ItemKind;
import io.billwright.engine.money.Rounding;
import io.billwright.engine.state.ContractState;
import io.billwright.events.InboundMessage;
import io.billwright.events.MessageReader;
import io.billwright.messaging.support.InMemoryReference;
import io.billwright.rules.scenario.ScenarioReader;
import io.billwright.simulations.generate.DatasetGenerator;
import io.billwright.simulations.generate.GeneratorOptions;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every line of every ERP payload an accountant can post: quantity is what was recorded (the hours of the
 * time entry, one of each for anything else), {@code quantity x unit price = amount} to the cent, and a
 * limit's cut is a line of its own. Checked on the example quarter and on a generated one, each package
 * mapped for all three ERPs.
 */
class ErpLinePricingTest {

    private final PackageHeaderMapper headers = new PackageHeaderMapperImpl();
    private final NetSuiteInvoiceMapper netSuite = new NetSuiteInvoiceMapperImpl(headers);
    private final SapBillingDocumentRequestMapper sap = new SapBillingDocumentRequestMapperImpl(headers);
    private final Dynamics365FreeTextInvoiceMapper dynamics = new Dynamics365FreeTextInvoiceMapperImpl(headers);

    @TempDir
    Path directory;

    @Test
    void theExampleQuarterPostsAsRecorded() throws IOException {
        Replay replay = replay(Files.readAllLines(Path.of("../examples/messages/consulting-quarter.jsonl")));

        assertThat(replay.packages).as("packages in the example quarter").hasSizeGreaterThanOrEqualTo(4);
        assertThat(replay.checked).as("lines checked").isGreaterThan(replay.packages.size());
    }

    @Test
    void aGeneratedQuarterPostsAsRecorded() throws IOException {
        Path file = directory.resolve("quarter.jsonl");
        new DatasetGenerator(GeneratorOptions.of(42, 120, 3, YearMonth.of(2026, 7))).writeTo(file);
        List<String> lines;
        try (Stream<String> all = Files.lines(file)) {
            lines = all.toList();
        }
        Replay replay = replay(lines);

        assertThat(replay.packages).as("packages in the generated quarter").hasSizeGreaterThan(50);
        assertThat(replay.adjusted).as("lines a limit cut, each followed by its adjustment").isPositive();
    }

    @Test
    void theCorrectionScenariosPostTheirCreditNotes() throws IOException {
        Replay replay = new Replay();
        List<Path> files;
        try (Stream<Path> all = Files.list(Path.of("../rules/src/test/resources/scenarios/corrections"))) {
            files = all.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
        BillingEngine engine = BillingEngine.using(InMemoryReference.ruleSet());
        for (Path file : files) {
            var scenario = new ScenarioReader().read(file);
            ContractState state = null;
            for (var step : scenario.steps()) {
                if (state == null) {
                    state = ContractState.empty(step.event().contractId());
                }
                if (step.event() instanceof TimeEntryRecorded recorded) {
                    replay.hours.put(recorded.contractId().value() + "/" + recorded.entry().id(),
                            recorded.entry().hours());
                }
                Outcome outcome = engine.apply(step.event(), state);
                state = outcome.state();
                for (BillingPackage issued : outcome.packages()) {
                    replay.assertPostable(issued, state.versions().get(issued.contractVersion()));
                }
            }
        }

        assertThat(replay.credits).as("credit note lines checked").isGreaterThanOrEqualTo(8);
    }

    private Replay replay(List<String> messages) {
        BillingEngine engine = BillingEngine.using(InMemoryReference.ruleSet());
        MessageReader reader = InMemoryReference.reader();
        Map<String, ContractState> states = new HashMap<>();
        Replay replay = new Replay();
        for (String line : messages) {
            if (line.isBlank()) {
                continue;
            }
            InboundMessage inbound = reader.read(line.getBytes(StandardCharsets.UTF_8));
            if (inbound.event() instanceof TimeEntryRecorded recorded) {
                replay.hours.put(inbound.contractId().value() + "/" + recorded.entry().id(), recorded.entry().hours());
            }
            ContractState state = states.getOrDefault(inbound.contractId().value(),
                    ContractState.empty(inbound.contractId()));
            Outcome outcome = engine.apply(inbound.event(), state);
            states.put(inbound.contractId().value(), outcome.state());
            for (BillingPackage issued : outcome.packages()) {
                replay.assertPostable(issued, outcome.state().versions().get(issued.contractVersion()));
            }
        }
        return replay;
    }

    private final class Replay {
        final List<BillingPackage> packages = new ArrayList<>();
        /** The hours of each time entry as last recorded: what a package issued now bills. */
        final Map<String, BigDecimal> hours = new HashMap<>();
        final Map<String, BillingPackage> byId = new HashMap<>();
        int adjusted;
        int checked;
        int credits;

        /** Asserts every line of a package as it is issued, for every ERP. */
        void assertPostable(BillingPackage issued, Contract contract) {
            packages.add(issued);
            byId.put(issued.id().value(), issued);
            {
                IssuedPackage source = new IssuedPackage(issued, contract, "corr-pricing");
                int minor = Rounding.minorUnits(issued.currency());
                for (ErpLine line : ErpLine.of(issued)) {
                    String where = issued.id().value() + " line " + line.position() + " (" + line.description() + ")";
                    assertThat(line.quantity().multiply(new BigDecimal(line.unitPrice()))
                            .setScale(minor, Rounding.MODE)).as(where + ": quantity x unit price")
                            .isEqualByComparingTo(line.amount().amount());
                    Integer credited = line.line().creditedLine();
                    if (credited != null) {
                        // a credit repeats the invoice line's quantity, or is one sum
                        BillingPackage invoice = byId.get(issued.credits().value());
                        assertThat(invoice).as(where + ": the credited invoice").isNotNull();
                        BigDecimal invoiced = invoice.lines().get(credited - 1).quantity();
                        assertThat(line.quantity()).as(where + ": as invoiced, or one")
                                .satisfiesAnyOf(q -> assertThat(q).isEqualByComparingTo(invoiced),
                                        q -> assertThat(q).isEqualByComparingTo(BigDecimal.ONE));
                        credits++;
                    } else if (line.unit() == QuantityUnit.EACH) {
                        assertThat(line.quantity()).as(where + ": one of each").isEqualByComparingTo(BigDecimal.ONE);
                    } else {
                        BigDecimal recorded = hours.get(issued.contractId().value() + "/" + line.line().itemId());
                        assertThat(recorded).as(where + ": a time entry's line").isNotNull();
                        if (line.line().kind() == ItemKind.RETAINER_OVERAGE) {
                            assertThat(line.quantity()).as(where + ": hours past the retainer")
                                    .isLessThanOrEqualTo(recorded);
                        } else {
                            assertThat(line.quantity()).as(where + ": hours as recorded").isEqualByComparingTo(recorded);
                        }
                    }
                    adjusted += line.adjustment() ? 1 : 0;
                    checked++;
                }
                assertPostsInEveryErp(source, minor);
            }
        }

        private void assertPostsInEveryErp(IssuedPackage source, int minor) {
            String id = source.billingPackage().id().value();
            NetSuiteInvoice invoice = netSuite.toInvoice(source);
            invoice.item().forEach(l -> assertThat(times(l.quantity(), l.rate(), minor)).as(id + " NetSuite " + l)
                    .isEqualTo(l.amount()));
            assertThat(sum(invoice.item().stream().map(NetSuiteInvoiceLine::amount)))
                    .as(id + " NetSuite lines add up").isEqualByComparingTo(invoice.subtotal());
            Dynamics365FreeTextInvoice free = dynamics.toFreeTextInvoice(source);
            free.lines().forEach(l -> assertThat(times(l.quantity(), l.unitPrice(), minor)).as(id + " D365 " + l)
                    .isEqualTo(l.lineAmount()));
            assertThat(free.lines()).extracting(Dynamics365FreeTextInvoiceLine::lineNumber).as(id + " D365 numbers")
                    .doesNotHaveDuplicates();
            SapBillingDocumentRequest request = sap.toBillingDocumentRequest(source);
            request.items().stream().filter(item -> item.billingQuantityUnit().equals("EA"))
                    .forEach(item -> assertThat(item.billingQuantity()).as(id + " SAP " + item).isEqualTo("1"));
            assertThat(sum(request.items().stream().map(SapBillingDocumentRequestItem::netAmount)))
                    .as(id + " SAP items add up").isEqualByComparingTo(request.totalNetAmount());
            assertThat(sum(request.items().stream().map(SapBillingDocumentRequestItem::taxAmount)))
                    .as(id + " SAP tax adds up").isEqualByComparingTo(request.totalTaxAmount());
        }
    }

    private static String times(String quantity, String price, int minor) {
        return new BigDecimal(quantity).multiply(new BigDecimal(price)).setScale(minor, Rounding.MODE)
                .toPlainString();
    }

    private static BigDecimal sum(Stream<String> amounts) {
        return amounts.map(BigDecimal::new).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
