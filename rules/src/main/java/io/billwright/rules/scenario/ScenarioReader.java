package io.billwright.rules.scenario;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.billwright.engine.contract.Contract;
import io.billwright.engine.contract.ContractId;
import io.billwright.engine.contract.RateCard;
import io.billwright.engine.event.BillingEvent;
import io.billwright.engine.event.BillingPeriodClosed;
import io.billwright.engine.event.ContractCompleted;
import io.billwright.engine.event.ContractReceived;
import io.billwright.engine.event.EventId;
import io.billwright.engine.event.ExpenseRecorded;
import io.billwright.engine.event.ManualDecision;
import io.billwright.engine.event.MilestoneAccepted;
import io.billwright.engine.event.MilestoneCompleted;
import io.billwright.engine.event.TimeEntryRecorded;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads scenario files. Every problem is reported as {@code file:line: path: message}, naming the field.
 */
public final class ScenarioReader {

    private final ObjectMapper mapper = newMapper();

    public Scenario read(Path file) {
        String name = file.toString();
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ScenarioFormatException(name + ":0: cannot read the file: " + e.getMessage(), e);
        }
        ScenarioFile parsed;
        try {
            parsed = mapper.readValue(content, ScenarioFile.class);
            mapper.readValue(content, TemplateView.class);
        } catch (JacksonException e) {
            throw new ScenarioFormatException(describe(name, e, content), e);
        } catch (IOException e) {
            throw new ScenarioFormatException(name + ":0: cannot read the file: " + e.getMessage(), e);
        }
        if (parsed == null) {
            throw new ScenarioFormatException(name + ":1: the file is empty", null);
        }
        return toScenario(name, parsed, stepLines(new String(content, java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** The line of each item of the top-level {@code steps:} list, in order (1-based). */
    static List<Integer> stepLines(String text) {
        List<Integer> out = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        int indent = -1;
        boolean inSteps = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (!inSteps) {
                inSteps = line.matches("steps:\\s*(#.*)?");
                continue;
            }
            if (!line.isBlank() && !line.startsWith(" ") && !line.startsWith("-") && !line.startsWith("#")) {
                break; // the next top-level key
            }
            String trimmed = line.stripLeading();
            int at = line.length() - trimmed.length();
            if (trimmed.startsWith("- ") || trimmed.equals("-")) {
                if (indent < 0) {
                    indent = at;
                }
                if (at == indent) {
                    out.add(i + 1);
                }
            }
        }
        return out;
    }

    /** The contract template read as a contract, so a mistake in it is reported at its line. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    private record TemplateView(Contract contract) {
    }

    private Scenario toScenario(String file, ScenarioFile parsed, List<Integer> lines) {
        if (parsed.contract() == null) {
            throw new ScenarioFormatException(file + ":1: contract: missing (every scenario names its contract)", null);
        }
        if (parsed.steps() == null || parsed.steps().isEmpty()) {
            throw new ScenarioFormatException(file + ":1: steps: missing or empty", null);
        }
        Object id = parsed.contract().get("id");
        if (id == null) {
            throw new ScenarioFormatException(file + ":1: contract.id: missing", null);
        }
        ContractId contractId = new ContractId(id.toString());
        List<Scenario.Step> steps = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < parsed.steps().size(); i++) {
            ScenarioFile.StepFile step = parsed.steps().get(i);
            int line = i < lines.size() ? lines.get(i) : 0;
            String where = file + ":" + line + ": steps[" + i + "]";
            EventId eventId = new EventId(step.id() != null ? step.id()
                    : Path.of(file).getFileName() + "#" + (i + 1));
            try {
                BillingEvent event = toEvent(where, step, eventId, contractId, parsed.contract());
                steps.add(new Scenario.Step(i + 1, label(event), event, step.expect(), line));
            } catch (ScenarioFormatException e) {
                problems.add(e.getMessage()); // every step's problem, not only the first
            }
        }
        if (!problems.isEmpty()) {
            throw new ScenarioFormatException(String.join("\n", problems), null);
        }
        return new Scenario(file, parsed.title() == null ? Path.of(file).getFileName().toString() : parsed.title(),
                steps);
    }

    private BillingEvent toEvent(String where, ScenarioFile.StepFile step, EventId id, ContractId contractId,
                                 Map<String, Object> template) {
        List<BillingEvent> events = new ArrayList<>();
        if (step.contract() != null) {
            Map<String, Object> terms = new LinkedHashMap<>(template);
            terms.putAll(step.contract());
            events.add(new ContractReceived(id, toContract(where, terms)));
        }
        if (step.timeEntry() != null) {
            events.add(new TimeEntryRecorded(id, contractId, step.timeEntry()));
        }
        if (step.expense() != null) {
            events.add(new ExpenseRecorded(id, contractId, step.expense()));
        }
        if (step.milestoneCompleted() != null) {
            var m = step.milestoneCompleted();
            events.add(new MilestoneCompleted(id, contractId, m.milestone(), m.date()));
        }
        if (step.milestoneAccepted() != null) {
            var m = step.milestoneAccepted();
            events.add(new MilestoneAccepted(id, contractId, m.milestone(), m.date()));
        }
        if (step.periodClosed() != null) {
            events.add(new BillingPeriodClosed(id, contractId, step.periodClosed()));
        }
        if (step.contractCompleted() != null) {
            events.add(new ContractCompleted(id, contractId, step.contractCompleted().date()));
        }
        if (step.manualDecision() != null) {
            events.add(manualDecision(where, id, contractId, step.manualDecision()));
        }
        if (events.size() != 1) {
            throw new ScenarioFormatException(where + ": a step holds exactly one of contract, timeEntry, expense,"
                    + " milestoneCompleted, milestoneAccepted, periodClosed, contractCompleted, manualDecision; found "
                    + events.size(), null);
        }
        return events.get(0);
    }

    private static ManualDecision manualDecision(String where, EventId id, ContractId contractId,
                                                 ScenarioFile.ManualStep step) {
        try {
            return new ManualDecision(id, contractId, step.itemId(), step.action(), step.reason(), step.requestedBy(),
                    step.approvedBy(), step.requestId() == null ? id.value() : step.requestId());
        } catch (IllegalArgumentException e) {
            throw new ScenarioFormatException(where + ".manualDecision." + e.getMessage(), e);
        }
    }

    private Contract toContract(String where, Map<String, Object> terms) {
        try {
            return mapper.convertValue(terms, Contract.class);
        } catch (IllegalArgumentException e) {
            Throwable cause = e.getCause() instanceof JsonMappingException m ? m : e;
            String detail = cause instanceof JsonMappingException m ? fieldProblem(m) : e.getMessage();
            throw new ScenarioFormatException(where + ".contract: " + detail, e);
        }
    }

    private static String label(BillingEvent event) {
        String type = event.getClass().getSimpleName();
        if (event instanceof TimeEntryRecorded t) {
            return type + " " + t.entry().id();
        }
        if (event instanceof ExpenseRecorded e) {
            return type + " " + e.expense().id();
        }
        if (event instanceof BillingPeriodClosed p) {
            return type + " " + p.period().id();
        }
        if (event instanceof ContractReceived c) {
            return type + " v" + c.contract().version();
        }
        if (event instanceof MilestoneCompleted m) {
            return type + " " + m.milestoneId();
        }
        if (event instanceof MilestoneAccepted m) {
            return type + " " + m.milestoneId();
        }
        if (event instanceof ManualDecision m) {
            return type + " " + m.action() + " " + m.itemKey();
        }
        return type;
    }

    private static String describe(String file, JacksonException e) {
        return describe(file, e, null);
    }

    /**
     * Jackson buffers a record's fields until the object ends, so it reports an unknown field at the end
     * of its object; the field's own line is found by looking back from there for its key.
     */
    static String describe(String file, JacksonException e, byte[] content) {
        int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
        if (e instanceof UnrecognizedPropertyException u && content != null && line > 0) {
            String[] lines = new String(content, java.nio.charset.StandardCharsets.UTF_8).split("\r?\n", -1);
            Pattern key = Pattern.compile("(^|[\\s{,-])" + Pattern.quote(u.getPropertyName()) + "\\s*:");
            for (int i = Math.min(line, lines.length) - 1; i >= 0; i--) {
                if (key.matcher(lines[i]).find()) {
                    line = i + 1;
                    break;
                }
            }
        }
        String problem = e instanceof JsonMappingException m ? fieldProblem(m) : e.getOriginalMessage();
        return file + ":" + line + ": " + problem;
    }

    private static String fieldProblem(JsonMappingException e) {
        String path = path(e.getPath());
        if (e instanceof UnrecognizedPropertyException u) {
            String known = u.getKnownPropertyIds() == null ? "" : u.getKnownPropertyIds().stream()
                    .map(Object::toString).sorted().collect(Collectors.joining(", "));
            return path + ": unknown field '" + u.getPropertyName() + "' (known fields: " + known + ")";
        }
        if (e instanceof InvalidFormatException f) {
            return path + ": '" + f.getValue() + "' is not a valid " + f.getTargetType().getSimpleName()
                    + hint(f.getTargetType());
        }
        if (e instanceof ValueInstantiationException v && v.getCause() != null) {
            return path + ": " + missing(v.getCause());
        }
        return path + ": " + e.getOriginalMessage();
    }

    private static String missing(Throwable cause) {
        String message = cause.getMessage() == null ? cause.toString() : cause.getMessage();
        if (cause instanceof NullPointerException && !message.contains(" ")) {
            return "required field '" + message.substring(message.lastIndexOf('.') + 1) + "' is missing";
        }
        return message;
    }

    private static String hint(Class<?> type) {
        if (type == java.time.LocalDate.class) {
            return " (write dates as YYYY-MM-DD)";
        }
        if (type == java.math.BigDecimal.class) {
            return " (write amounts as decimal strings, such as \"120.50\")";
        }
        if (type.isEnum()) {
            return " (one of " + java.util.Arrays.toString(type.getEnumConstants()) + ")";
        }
        return "";
    }

    private static String path(List<JsonMappingException.Reference> references) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : references) {
            if (ref.getFieldName() != null) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.isEmpty() ? "(top level)" : out.toString();
    }

    private static ObjectMapper newMapper() {
        SimpleModule ids = new SimpleModule("billwright-ids");
        ids.addDeserializer(ContractId.class, new JsonDeserializer<>() {
            @Override
            public ContractId deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                return new ContractId(p.getValueAsString());
            }
        });
        ids.addDeserializer(RateCard.class, new JsonDeserializer<>() {
            @Override
            public RateCard deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                return new RateCard(p.readValueAs(new com.fasterxml.jackson.core.type.TypeReference<
                        java.util.Map<String, java.math.BigDecimal>>() { }));
            }
        });
        return new ObjectMapper(new YAMLFactory())
                .registerModule(new JavaTimeModule())
                .registerModule(ids)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }
}
