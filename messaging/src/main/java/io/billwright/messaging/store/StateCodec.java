package io.billwright.messaging.store;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import io.billwright.engine.contract.Contract;
import io.billwright.engine.contract.ContractId;
import io.billwright.engine.item.Credit;
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
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.pcollections.HashTreePMap;
import org.pcollections.HashTreePSet;
import org.pcollections.PMap;
import org.pcollections.TreePMap;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.util.RawValue;

/**
 * Stores a contract's engine state as JSON (readable with any SQL client) and reads it back exactly:
 * the same maps, the same decimal scales, so the engine continues as if the state had never left memory.
 *
 * <p>The state is stored in three parts, so a message writes only what it changed: a small header
 * (contract versions, cap and retainer positions, triggers, milestones), one record per item, and the
 * processed event ids, which the event log already holds. The stored form is versioned ({@link #FORMAT})
 * and kept apart from the engine's types by a plain record.
 *
 * <p>An item record is written field by field, so a field the engine adds to {@code ItemRecord} is stored from
 * then on and reads as null from records written before it: {@code ItemRecord.decided} (what a held, rejected or
 * tracked item amounts to) is such a field, and its absence means "not known" ({@code StateCodecTest}). Only a
 * field removed or renamed needs a new {@link #FORMAT}.
 */
public final class StateCodec {

    /** Bump when the stored form changes incompatibly. */
    public static final int FORMAT = 1;

    private static final int VERSIONS_CACHE_LIMIT = 20_000;

    private final JsonMapper mapper = newMapper();
    private final ObjectWriter versionsWriter = mapper.writerFor(new TypeReference<Map<Integer, Contract>>() { });
    private final Map<String, EncodedVersions> versionsCache = new ConcurrentHashMap<>();

    /** A contract's versions as last encoded: reused while the state holds the very same map. */
    private record EncodedVersions(Map<Integer, Contract> versions, RawValue json) {
    }

    /**
     * Everything but the items and the processed event ids. The contract versions (rate cards, terms) are
     * most of a header and change only with an amendment, so their encoding is kept and reused.
     */
    public String encodeHeader(ContractState state) {
        return mapper.writeValueAsString(new WrittenHeader(FORMAT, state.contractId().value(), versionsOf(state),
                state.capConsumed(), state.retainerUsed(), state.retainerCarried(), state.retentionWithheld(),
                state.triggers(), state.milestones(), state.completed(), state.expenseSpent()));
    }

    private RawValue versionsOf(ContractState state) {
        String contractId = state.contractId().value();
        EncodedVersions cached = versionsCache.get(contractId);
        if (cached != null && cached.versions() == state.versions()) {
            return cached.json();
        }
        if (versionsCache.size() >= VERSIONS_CACHE_LIMIT) {
            versionsCache.clear();
        }
        RawValue json = new RawValue(versionsWriter.writeValueAsString(state.versions()));
        versionsCache.put(contractId, new EncodedVersions(state.versions(), json));
        return json;
    }

    public String encodeItem(ItemRecord record) {
        return mapper.writeValueAsString(record);
    }

    /** One item record as written by {@link #encodeItem}. */
    public ItemRecord decodeItem(String item) {
        return mapper.readValue(item, ItemRecord.class);
    }

    /**
     * Rebuilds the state from its parts.
     *
     * @param header          as written by {@link #encodeHeader}
     * @param items           the item records as written by {@link #encodeItem} (every one, or all but the
     *                        settled ones: see {@code ContractStateRepository})
     * @param processedEvents the ids of the events applied to the contract
     */
    public ContractState decode(String header, Collection<String> items, Collection<String> processedEvents) {
        StoredHeader stored = mapper.readValue(header, StoredHeader.class);
        if (stored.format() != FORMAT) {
            throw new IllegalStateException("stored state of contract " + stored.contractId() + " has format "
                    + stored.format() + "; this version reads format " + FORMAT);
        }
        PMap<String, ItemRecord> records = HashTreePMap.empty();
        for (String item : items) {
            ItemRecord record = decodeItem(item);
            records = records.plus(record.key(), record);
        }
        return new ContractState(new ContractId(stored.contractId()), TreePMap.from(stored.versions()), records,
                HashTreePSet.from(processedEvents), stored.capConsumed(), HashTreePMap.from(stored.retainerUsed()),
                HashTreePMap.from(stored.retainerCarried()),
                stored.expenseSpent() == null ? HashTreePMap.empty() : HashTreePMap.from(stored.expenseSpent()),
                stored.retentionWithheld(), HashTreePMap.from(stored.triggers()), HashTreePMap.from(stored.milestones()),
                stored.completed());
    }

    /** The stored header: the state's small components in plain collections. */
    record StoredHeader(int format, String contractId, Map<Integer, Contract> versions, BigDecimal capConsumed,
                        Map<String, BigDecimal> retainerUsed, Map<String, BigDecimal> retainerCarried,
                        BigDecimal retentionWithheld, Map<String, Integer> triggers,
                        Map<String, MilestoneProgress> milestones, boolean completed,
                        Map<String, BigDecimal> expenseSpent) {
    }

    /** The header as written: the same fields, with the versions already encoded. */
    record WrittenHeader(int format, String contractId, RawValue versions, BigDecimal capConsumed,
                         Map<String, BigDecimal> retainerUsed, Map<String, BigDecimal> retainerCarried,
                         BigDecimal retentionWithheld, Map<String, Integer> triggers,
                         Map<String, MilestoneProgress> milestones, boolean completed,
                         Map<String, BigDecimal> expenseSpent) {
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
        @JsonSubTypes.Type(value = Credit.class, name = "Credit"),
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
