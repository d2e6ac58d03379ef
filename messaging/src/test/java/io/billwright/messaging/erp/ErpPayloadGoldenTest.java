package io.billwright.messaging.erp;

import static io.billwright.messaging.fixtures.ContractBuilder.aContract;
import static io.billwright.messaging.fixtures.Engagement.anEngagement;
import static io.billwright.messaging.fixtures.TimeEntryBuilder.aTimeEntry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.billwright.engine.billing.BillingPackage;
import io.billwright.engine.contract.Contract;
import io.billwright.engine.contract.ErpTarget;
import io.billwright.engine.contract.RetentionTaxPoint;
import io.billwright.engine.ruleset.RuleSet;
import io.billwright.events.WireJson;
import io.billwright.rules.DefaultRuleSet;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import io.billwright.engine.money.Rounding;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Real packages, issued by the engine under the default rule set, mapped to each ERP's payload and compared
 * with the reviewed golden files in {@code src/test/resources/golden}. Every payload must also satisfy its
 * JSON Schema, read back to an equal record, and add up: lines to totals, totals to the amount due.
 *
 * <p>After an intended change, regenerate with {@code -Dgolden.update=true} and review the diff. The rule-set
 * version (a content hash that changes with any rule) is checked against the rule set, then stored as
 * {@value #RULE_SET_VERSION} so that editing a rule does not rewrite the golden files.
 */
class ErpPayloadGoldenTest {

    private static final RuleSet RULES = DefaultRuleSet.load();
    private static final JsonMapper JSON = WireJson.mapper();
    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final String RULE_SET_VERSION = "<rule-set-version>";

    private final PackageHeaderMapper headers = new PackageHeaderMapperImpl();
    private final ErpPayloads payloads = new ErpPayloads(new NetSuiteInvoiceMapperImpl(headers),
            new SapBillingDocumentRequestMapperImpl(headers), new Dynamics365FreeTextInvoiceMapperImpl(headers));

    @Test
    void netSuiteInvoiceTaxesDomesticVatAndTakesRetentionOffAsANonTaxableLine() {
        // DE to DE at 19%, 10% retention taxed on the invoice, lodging of 215.00 billed up to its 180.00 limit:
        // 1460.00 + 277.40 - 146.00 = 1591.40
        Contract contract = aContract().withId("C-NS-1")
                .soldBy("BW-DE", "DE", null).soldTo("ACME-DE", "Acme GmbH", "DE", null, "DE123456789")
                .inCurrency("EUR").withRate("CONSULTANT", "160.00").withExpenseLimit("LODGING", "180.00")
                .withRetention("10", RetentionTaxPoint.AT_INVOICE, null).publishedTo(ErpTarget.NETSUITE).build();
        BillingPackage billingPackage = anEngagement(RULES, contract)
                .with(aTimeEntry().withId("TE-101").on("2026-01-12").withHours("6")
                        .describedAs("Data migration workshop").build())
                .with(aTimeEntry().withId("TE-102").on("2026-01-19").withHours("2").build())
                .withExpense("EX-103", "2026-01-20", "LODGING", "215.00")
                .closeMonth("2026-01");

        ErpPayload payload = payloads.payloadFor(billingPackage, contract, "corr-ns-0001");

        assertThat(payload).isInstanceOf(NetSuiteInvoice.class);
        NetSuiteInvoice invoice = (NetSuiteInvoice) payload;
        assertAddsUp(invoice.header().totals(), invoice.item().stream().map(NetSuiteInvoiceLine::amount).toList(),
                invoice.item().stream().map(NetSuiteInvoiceLine::tax1Amt).toList());
        assertThat(invoice.subtotal()).isEqualTo("1314.00");
        assertThat(invoice.taxTotal()).isEqualTo("277.40");
        assertThat(invoice.total()).isEqualTo(invoice.header().totals().amountDue()).isEqualTo("1591.40");
        assertThat(invoice.item()).extracting(NetSuiteInvoiceLine::taxCode)
                .containsExactly("DE-19", "DE-19", "DE-19", "DE-19", "NT");
        // the lodging as claimed, then the limit's cut as a line of its own
        assertThat(invoice.item().subList(2, 4)).extracting(NetSuiteInvoiceLine::item, NetSuiteInvoiceLine::quantity,
                NetSuiteInvoiceLine::rate, NetSuiteInvoiceLine::amount).containsExactly(
                tuple("EXPENSE", "1", "215.00", "215.00"), tuple("ADJUSTMENT", "1", "-35.00", "-35.00"));
        invoice.item().forEach(line -> assertPriced(line.quantity(), line.rate(), line.amount()));
        assertMatchesGolden("netsuite.json", payload, ErpTarget.NETSUITE);
    }

    @Test
    void sapRequestDefersTheTaxOnRetentionToTheReleaseAndWithholdsItInAnItemOfItsOwn() {
        // CA to CA (Ontario HST 13%), 5% retention taxed at release, hours that do not divide evenly, and a
        // not-to-exceed cap of 1300.00 that holds 191.38 of the second entry over
        Contract contract = aContract().withId("C-SAP-1")
                .soldBy("BW-CA", "CA", "ON").soldTo("NORTHWIND-ON", "Northwind Ltd", "CA", "ON", "123456789RT0001")
                .inCurrency("CAD").withRate("SENIOR", "145.50").withCap("1300.00")
                .withRetention("5", RetentionTaxPoint.AT_RELEASE, "5000.00").publishedTo(ErpTarget.SAP_S4HANA)
                .build();
        BillingPackage billingPackage = anEngagement(RULES, contract)
                .with(aTimeEntry().withId("TE-201").by("li", "SENIOR").on("2026-03-03").withHours("7.25")
                        .describedAs("Architecture review").build())
                .with(aTimeEntry().withId("TE-202").by("li", "SENIOR").on("2026-03-17").withHours("3").build())
                .closeMonth("2026-03");

        ErpPayload payload = payloads.payloadFor(billingPackage, contract, "corr-sap-0001");

        assertThat(payload).isInstanceOf(SapBillingDocumentRequest.class);
        SapBillingDocumentRequest request = (SapBillingDocumentRequest) payload;
        assertAddsUp(request.header().totals(),
                request.items().stream().map(SapBillingDocumentRequestItem::netAmount).toList(),
                request.items().stream().map(SapBillingDocumentRequestItem::taxAmount).toList());
        assertThat(request.totalNetAmount()).isEqualTo(sum(request.items().stream()
                .map(SapBillingDocumentRequestItem::netAmount).toList()));
        assertThat(request.totalTaxAmount()).isEqualTo(request.header().totals().tax());
        assertThat(request.totalGrossAmount()).isEqualTo(request.header().totals().amountDue());
        assertThat(request.header().totals().retentionTaxDeferred()).isNotEqualTo("0.00");
        assertThat(request.purchaseOrderByCustomer()).hasSize(35)
                .isEqualTo(request.header().packageId().replace("-", ""));
        assertThat(request.items()).extracting(SapBillingDocumentRequestItem::taxCode)
                .containsExactly("CA-ON-13", "CA-ON-13", "CA-ON-13", "NT");
        // the hours as recorded at the rate, then the part the cap holds over as an item of its own
        assertThat(request.items()).extracting(SapBillingDocumentRequestItem::billingDocumentItem,
                SapBillingDocumentRequestItem::billingQuantity, SapBillingDocumentRequestItem::billingQuantityUnit,
                SapBillingDocumentRequestItem::netAmount).startsWith(tuple("10", "7.25", "H", "1054.88"),
                tuple("20", "3", "H", "436.50"), tuple("21", "1", "EA", "-191.38"));
        assertMatchesGolden("sap-s4hana.json", payload, ErpTarget.SAP_S4HANA);
    }

    @Test
    void dynamicsInvoiceChargesTheStateRateAndWithholdsRetentionUpToItsCap() {
        // US to US-HI (general excise 4%), 10% retention capped at 150.00 of the 160.00 it would be
        Contract contract = aContract().withId("C-D365-1")
                .soldBy("BW-US", "US", "NY").soldTo("KAIMANA-HI", "Kaimana Resorts LLC", "US", "HI", null)
                .inCurrency("USD").withRate("CONSULTANT", "200.00")
                .withRetention("10", RetentionTaxPoint.AT_INVOICE, "150.00").publishedTo(ErpTarget.DYNAMICS_365)
                .build();
        BillingPackage billingPackage = anEngagement(RULES, contract)
                .with(aTimeEntry().withId("TE-301").by("sam", "CONSULTANT").on("2026-02-02").withHours("5")
                        .describedAs("Revenue management assessment").build())
                .with(aTimeEntry().withId("TE-302").by("sam", "CONSULTANT").on("2026-02-09").withHours("3").build())
                .closeMonth("2026-02");

        ErpPayload payload = payloads.payloadFor(billingPackage, contract, "corr-d365-0001");

        assertThat(payload).isInstanceOf(Dynamics365FreeTextInvoice.class);
        Dynamics365FreeTextInvoice invoice = (Dynamics365FreeTextInvoice) payload;
        assertAddsUp(invoice.header().totals(),
                invoice.lines().stream().map(Dynamics365FreeTextInvoiceLine::lineAmount).toList(),
                invoice.lines().stream().map(Dynamics365FreeTextInvoiceLine::salesTaxAmount).toList());
        assertThat(invoice.header().totals().retentionWithheld()).isEqualTo("150.00");
        assertThat(invoice.lines()).extracting(Dynamics365FreeTextInvoiceLine::salesTaxGroup)
                .containsExactly("US-HI-4", "US-HI-4", "NT");
        invoice.lines().forEach(line -> assertPriced(line.quantity(), line.unitPrice(), line.lineAmount()));
        assertMatchesGolden("dynamics365.json", payload, ErpTarget.DYNAMICS_365);
    }

    @Test
    void netSuiteCreditMemoIsCreatedFromTheInvoiceAndCreditsTheDifferenceAtItsTax() {
        // the NetSuite invoice above, then TE-102 corrected from 2 h to 1 h: 160.00 credited at the invoice's 19 %
        // (30.40), with half the 32.00 retained on the line given back: 160.00 + 30.40 - 16.00 = 174.40
        Contract contract = aContract().withId("C-NS-1")
                .soldBy("BW-DE", "DE", null).soldTo("ACME-DE", "Acme GmbH", "DE", null, "DE123456789")
                .inCurrency("EUR").withRate("CONSULTANT", "160.00").withExpenseLimit("LODGING", "180.00")
                .withRetention("10", RetentionTaxPoint.AT_INVOICE, null).publishedTo(ErpTarget.NETSUITE).build();
        var engagement = anEngagement(RULES, contract)
                .with(aTimeEntry().withId("TE-101").on("2026-01-12").withHours("6")
                        .describedAs("Data migration workshop").build())
                .with(aTimeEntry().withId("TE-102").on("2026-01-19").withHours("2").build())
                .withExpense("EX-103", "2026-01-20", "LODGING", "215.00");
        BillingPackage invoice = engagement.closeMonth("2026-01");
        BillingPackage credit = engagement.with(aTimeEntry().withId("TE-102").on("2026-01-19").withHours("1").build())
                .creditNoteOf("2026-02");

        ErpPayload payload = payloads.payloadFor(credit, contract, "corr-ns-credit-0001");

        assertThat(payload).isInstanceOf(NetSuiteCreditMemo.class);
        NetSuiteCreditMemo memo = (NetSuiteCreditMemo) payload;
        assertThat(memo.createdFrom()).isEqualTo(invoice.id().value()).isEqualTo(memo.header().creditedPackageId());
        assertAddsUp(memo.header().totals(), memo.item().stream().map(NetSuiteInvoiceLine::amount).toList(),
                memo.item().stream().map(NetSuiteInvoiceLine::tax1Amt).toList());
        assertThat(memo.item()).extracting(NetSuiteInvoiceLine::quantity, NetSuiteInvoiceLine::rate,
                NetSuiteInvoiceLine::amount, NetSuiteInvoiceLine::taxCode, NetSuiteInvoiceLine::tax1Amt).containsExactly(
                tuple("1", "160.00", "160.00", "DE-19", "30.40"), tuple("1", "-16.00", "-16.00", "NT", "0.00"));
        assertThat(memo.total()).isEqualTo("174.40");
        assertMatchesGolden("netsuite-credit-memo.json", payload, ErpTarget.NETSUITE);
    }

    @Test
    void sapCreditMemoReferencesTheInvoiceAndItsItem() {
        // the SAP request above, then TE-201 rejected after billing: its line credited in full, 7.25 h at 145.50,
        // with the invoice line's own HST (130.28) and retention (52.74) as invoiced
        Contract contract = aContract().withId("C-SAP-1")
                .soldBy("BW-CA", "CA", "ON").soldTo("NORTHWIND-ON", "Northwind Ltd", "CA", "ON", "123456789RT0001")
                .inCurrency("CAD").withRate("SENIOR", "145.50").withCap("1300.00")
                .withRetention("5", RetentionTaxPoint.AT_RELEASE, "5000.00").publishedTo(ErpTarget.SAP_S4HANA)
                .build();
        var engagement = anEngagement(RULES, contract)
                .with(aTimeEntry().withId("TE-201").by("li", "SENIOR").on("2026-03-03").withHours("7.25")
                        .describedAs("Architecture review").build())
                .with(aTimeEntry().withId("TE-202").by("li", "SENIOR").on("2026-03-17").withHours("3").build());
        BillingPackage invoice = engagement.closeMonth("2026-03");
        BillingPackage credit = engagement.with(aTimeEntry().withId("TE-201").by("li", "SENIOR").on("2026-03-03")
                .withHours("7.25").describedAs("Architecture review").rejected().build()).creditNoteOf("2026-04");

        ErpPayload payload = payloads.payloadFor(credit, contract, "corr-sap-credit-0001");

        SapBillingDocumentRequest request = (SapBillingDocumentRequest) payload;
        assertThat(request.billingDocumentType()).isEqualTo("G2");
        assertThat(request.referenceSDDocument()).isEqualTo(invoice.id().value().replace("-", ""));
        assertAddsUp(request.header().totals(),
                request.items().stream().map(SapBillingDocumentRequestItem::netAmount).toList(),
                request.items().stream().map(SapBillingDocumentRequestItem::taxAmount).toList());
        assertThat(request.items().get(0)).extracting(SapBillingDocumentRequestItem::billingQuantity,
                SapBillingDocumentRequestItem::billingQuantityUnit, SapBillingDocumentRequestItem::netAmount,
                SapBillingDocumentRequestItem::taxAmount, SapBillingDocumentRequestItem::referenceSDDocumentItem)
                .containsExactly("7.25", "H", "1054.88", "130.28", "10");
        assertThat(request.totalGrossAmount()).isEqualTo("1132.42");
        assertMatchesGolden("sap-s4hana-credit-memo.json", payload, ErpTarget.SAP_S4HANA);
    }

    @Test
    void dynamicsCreditNoteIsAFreeTextInvoiceWithNegativeLines() {
        // the Dynamics invoice above, then TE-301 corrected from 5 h to 6 h: credited in full (1000.00, tax 40.00,
        // 93.75 of the retention given back) and billed again as it is now on the next invoice
        Contract contract = aContract().withId("C-D365-1")
                .soldBy("BW-US", "US", "NY").soldTo("KAIMANA-HI", "Kaimana Resorts LLC", "US", "HI", null)
                .inCurrency("USD").withRate("CONSULTANT", "200.00")
                .withRetention("10", RetentionTaxPoint.AT_INVOICE, "150.00").publishedTo(ErpTarget.DYNAMICS_365)
                .build();
        var engagement = anEngagement(RULES, contract)
                .with(aTimeEntry().withId("TE-301").by("sam", "CONSULTANT").on("2026-02-02").withHours("5")
                        .describedAs("Revenue management assessment").build())
                .with(aTimeEntry().withId("TE-302").by("sam", "CONSULTANT").on("2026-02-09").withHours("3").build());
        BillingPackage invoice = engagement.closeMonth("2026-02");
        BillingPackage credit = engagement.with(aTimeEntry().withId("TE-301").by("sam", "CONSULTANT").on("2026-02-02")
                .withHours("6").describedAs("Revenue management assessment").build()).creditNoteOf("2026-03");

        ErpPayload payload = payloads.payloadFor(credit, contract, "corr-d365-credit-0001");

        Dynamics365FreeTextInvoice note = (Dynamics365FreeTextInvoice) payload;
        assertThat(note.creditedExternalInvoiceId()).isEqualTo(invoice.id().value());
        assertThat(note.lines()).extracting(Dynamics365FreeTextInvoiceLine::quantity,
                Dynamics365FreeTextInvoiceLine::unitPrice, Dynamics365FreeTextInvoiceLine::lineAmount,
                Dynamics365FreeTextInvoiceLine::salesTaxAmount).containsExactly(
                tuple("-5", "200.00", "-1000.00", "-40.00"), tuple("-1", "-93.75", "93.75", "0.00"));
        note.lines().forEach(line -> assertPriced(line.quantity(), line.unitPrice(), line.lineAmount()));
        assertThat(note.header().totals().amountDue()).isEqualTo("946.25");
        assertMatchesGolden("dynamics365-credit-note.json", payload, ErpTarget.DYNAMICS_365);
    }

    @Test
    void refusesAContractVersionThePackageWasNotIssuedUnder() {
        Contract contract = aContract().withId("C-NS-2").build();
        BillingPackage billingPackage = anEngagement(RULES, contract)
                .with(aTimeEntry().on("2026-01-12").build()).closeMonth("2026-01");
        Contract another = aContract().withId("C-OTHER").build();

        assertThatThrownBy(() -> payloads.payloadFor(billingPackage, another, "corr-1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("C-NS-2 v1");
    }

    @Test
    void theThreeSchemasDescribeTheHeaderAlike() {
        JsonNode netSuite = schemaTree(ErpTarget.NETSUITE).get("$defs");
        for (ErpTarget target : List.of(ErpTarget.SAP_S4HANA, ErpTarget.DYNAMICS_365)) {
            JsonNode defs = schemaTree(target).get("$defs");
            for (String shared : List.of("header", "trigger", "totals", "amount", "currency")) {
                assertThat(defs.get(shared)).as("%s $defs/%s", target, shared).isEqualTo(netSuite.get(shared));
            }
        }
    }

    @Test
    void theSchemasRejectAnAmountAsANumberAndAFieldTheyDoNotName() throws IOException {
        for (ErpTarget target : ErpTarget.values()) {
            String golden = List.of("netsuite.json", "sap-s4hana.json", "dynamics365.json").get(target.ordinal());
            ObjectNode numberAmount = (ObjectNode) JSON.readTree(Files.readString(GOLDEN.resolve(golden)));
            ((ObjectNode) numberAmount.get("header").get("totals")).put("net", new BigDecimal("1280.00"));
            ObjectNode extraField = (ObjectNode) JSON.readTree(Files.readString(GOLDEN.resolve(golden)));
            extraField.put("discount", "0.00");
            ObjectNode longAmount = (ObjectNode) JSON.readTree(Files.readString(GOLDEN.resolve(golden)));
            ((ObjectNode) longAmount.get("header").get("totals")).put("tax", "1.2345");

            assertThat(schema(target).validate(JSON.readTree(Files.readString(GOLDEN.resolve(golden)))))
                    .as("%s golden", target).isEmpty();
            assertThat(schema(target).validate(numberAmount)).as("%s amount as a number", target).isNotEmpty();
            assertThat(schema(target).validate(extraField)).as("%s unknown field", target).isNotEmpty();
            assertThat(schema(target).validate(longAmount)).as("%s amount beyond minor units", target).isNotEmpty();
        }
    }

    /** Lines add up to net less retention, their tax to the tax, and net + tax - retention is the amount due. */
    private static void assertAddsUp(PackageAmounts totals, List<String> lineAmounts, List<String> lineTaxes) {
        BigDecimal net = new BigDecimal(totals.net());
        BigDecimal tax = new BigDecimal(totals.tax());
        BigDecimal withheld = new BigDecimal(totals.retentionWithheld());
        assertThat(sum(lineAmounts)).as("lines add up to net less retention").isEqualTo(net.subtract(withheld).toPlainString());
        assertThat(sum(lineTaxes)).as("line tax adds up to the tax").isEqualTo(totals.tax());
        assertThat(net.add(tax).subtract(withheld).toPlainString()).as("net + tax - retention")
                .isEqualTo(totals.amountDue());
        assertThat(withheld.signum()).as("the package withholds retention").isPositive();
    }

    /** What an ERP that multiplies checks: quantity x unit price is the amount, to the cent. */
    private static void assertPriced(String quantity, String unitPrice, String amount) {
        BigDecimal product = new BigDecimal(quantity).multiply(new BigDecimal(unitPrice));
        assertThat(product.setScale(new BigDecimal(amount).scale(), Rounding.MODE).toPlainString())
                .as("%s x %s", quantity, unitPrice).isEqualTo(amount);
    }

    private static String sum(List<String> amounts) {
        return amounts.stream().map(BigDecimal::new).reduce(BigDecimal.ZERO, BigDecimal::add).toPlainString();
    }

    private void assertMatchesGolden(String file, ErpPayload payload, ErpTarget target) {
        JsonNode actual = JSON.valueToTree(payload);
        boolean creditNote = actual.get("header").has("creditedPackageId");
        List<com.networknt.schema.Error> errors = schema(ErpSchemas.location(target, creditNote)).validate(actual);
        assertThat(errors).as("%s against %s", file, ErpSchemas.location(target, creditNote)).isEmpty();
        assertThat(JSON.readValue(JSON.writeValueAsString(payload), payload.getClass()))
                .as("%s read back", file).isEqualTo(payload);

        assertThat(actual.get("header").get("ruleSetVersion").asString()).isEqualTo(RULES.version().toString());
        ((ObjectNode) actual.get("header")).put("ruleSetVersion", RULE_SET_VERSION);
        String pretty = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(actual) + "\n";
        Path golden = GOLDEN.resolve(file);
        try {
            if (Boolean.getBoolean("golden.update")) {
                Files.writeString(golden, pretty, StandardCharsets.UTF_8);
            }
            JsonNode expected = JSON.readTree(Files.readString(golden, StandardCharsets.UTF_8));
            List<String> differences = JsonDiff.between(expected, actual);
            if (!differences.isEmpty()) {
                fail("%s differs from %s (regenerate with -Dgolden.update=true, then review):%n  %s%nactual:%n%s",
                        file, golden, String.join(System.lineSeparator() + "  ", differences), pretty);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Schema schema(ErpTarget target) {
        return schema(ErpSchemas.location(target));
    }

    private static Schema schema(String location) {
        try (InputStream in = resource(location)) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode schemaTree(ErpTarget target) {
        try (InputStream in = resource(ErpSchemas.location(target))) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String location) {
        InputStream in = ErpPayloadGoldenTest.class.getClassLoader().getResourceAsStream(location);
        assertThat(in).as(location).isNotNull();
        return in;
    }
}
