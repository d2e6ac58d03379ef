package io.billwright.messaging.store;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import io.billwright.engine.contract.Contract;
import io.billwright.engine.contract.ContractId;
import io.billwright.engine.item.Excess;
import io.billwright.engine.item.Expense;
import io.billwright.engine.item.Item;
import io.billwright.engine.item.MilestoneItem;
import io.billwright.engine.item.RetainerFee;
import io.billwright.engine.item.RetentionRelease;
import io.billwright.engine.item.ScheduleCharge;
import io.billwright.engine.item.TimeEntry;
import io.billwright.engine.state.ContractState;
import io.billwright.engine.state.ItemRecord;
import io.billwright.engine.state.MilestoneProgress;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.pcollections.HashTreePMap;
import org.pcollections.HashTreePSet;
import org.pcollections.TreePMap;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * Stores a contract's engine state as JSON (readable with any SQL client) and reads it back exactly:
 * the same maps, the same decimal scales, so the engine continues as if the state had never left memory.
 * The stored form is versioned ({@link #FORMAT}) and kept apart from the engine's types by a plain record.
 */
public final class StateCodec {

    /** Bump when the stored form changes incompatibly. */
    public static final int FORMAT = 1;

    private final JsonMapper mapper = newMapper();

    public String encode(ContractState state) {
        return mapper.writeValueAsString(new StoredState(FORMAT, state.contractId().value(), state.versions(),
                state.items(), List.copyOf(state.processedEvents()), state.capConsumed(), state.retainerUsed(),
                state.retainerCarried(), state.retentionWithheld(), state.triggers(), state.milestones(),
                state.completed()));
    }

    public ContractState decode(String json) {
        StoredState stored = mapper.readValue(json, StoredState.class);
        if (stored.format() != FORMAT) {
            throw new IllegalStateException("stored state of contract " + stored.contractId() + " has format "
                    + stored.format() + "; this version reads format " + FORMAT);
        }
        return new ContractState(new ContractId(stored.contractId()), TreePMap.from(stored.versions()),
                HashTreePMap.from(stored.items()), HashTreePSet.from(stored.processedEvents()), stored.capConsumed(),
                HashTreePMap.from(stored.retainerUsed()), HashTreePMap.from(stored.retainerCarried()),
                stored.retentionWithheld(), HashTreePMap.from(stored.triggers()), HashTreePMap.from(stored.milestones()),
                stored.completed());
    }

    /** The stored form: the state's components in plain collections. */
    record StoredState(int format, String contractId, Map<Integer, Contract> versions, Map<String, ItemRecord> items,
                       List<String> processedEvents, BigDecimal capConsumed, Map<String, BigDecimal> retainerUsed,
                       Map<String, BigDecimal> retainerCarried, BigDecimal retentionWithheld,
                       Map<String, Integer> triggers, Map<String, MilestoneProgress> milestones, boolean completed) {
    }

    /** Items are polymorphic: each carries its type's name. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "@type")
    @JsonSubTypes({
        @JsonSubTypes.Type(value = TimeEntry.class, name = "TimeEntry"),
        @JsonSubTypes.Type(value = Expense.class, name = "Expense"),
        @JsonSubTypes.Type(value = MilestoneItem.class, name = "MilestoneItem"),
        @JsonSubTypes.Type(value = ScheduleCharge.class, name = "ScheduleCharge"),
        @JsonSubTypes.Type(value = RetainerFee.class, name = "RetainerFee"),
        @JsonSubTypes.Type(value = RetentionRelease.class, name = "RetentionRelease"),
        @JsonSubTypes.Type(value = Excess.class, name = "Excess"),
        @JsonSubTypes.Type(value = Contract.class, name = "Contract")
    })
    private interface ItemTypes {
    }

    private static JsonMapper newMapper() {
        SimpleModule ids = new SimpleModule("billwright-state-ids");
        ids.addSerializer(ContractId.class, new ValueSerializer<>() {
            @Override
            public void serialize(ContractId value, JsonGenerator gen, SerializationContext ctxt) {
                gen.writeString(value.value());
            }
        });
        ids.addDeserializer(ContractId.class, new ValueDeserializer<>() {
            @Override
            public ContractId deserialize(JsonParser p, DeserializationContext ctxt) {
                return new ContractId(p.getValueAsString());
            }
        });
        return JsonMapper.builder()
                .addModule(ids)
                .addMixIn(Item.class, ItemTypes.class)
                .changeDefaultVisibility(v -> v
                        .withVisibility(PropertyAccessor.FIELD, Visibility.ANY)
                        .withVisibility(PropertyAccessor.GETTER, Visibility.NONE)
                        .withVisibility(PropertyAccessor.IS_GETTER, Visibility.NONE))
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .build();
    }
}
