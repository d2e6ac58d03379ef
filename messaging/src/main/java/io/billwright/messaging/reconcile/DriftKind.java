package io.billwright.messaging.reconcile;

/** The ways the database and the broker can differ from a replay of the event log, by what they are about. */
public enum DriftKind {
    /** The event log has messages about the contract, the database keeps no state for it. */
    STATE_MISSING(Area.STATE),
    /** The database keeps a state for the contract, the event log has no message about it. */
    EVENTS_MISSING(Area.STATE),
    /** The stored state cannot be decoded. */
    STATE_UNREADABLE(Area.STATE),
    /** An item stands otherwise in the stored state than in the replay. */
    ITEM_DIFFERS(Area.STATE),
    /** The replay has an item the stored state does not. */
    ITEM_NOT_STORED(Area.STATE),
    /** The stored state has an item the replay does not. */
    ITEM_NOT_REPLAYED(Area.STATE),
    /** The cap consumed, the retention withheld or completion differ. */
    POSITION_DIFFERS(Area.STATE),
    /** A package in the database that the replay does not issue. */
    PACKAGE_NOT_REPLAYED(Area.PACKAGE),
    /** A package the replay issues that the database does not hold. */
    PACKAGE_NOT_ISSUED(Area.PACKAGE),
    /** A package whose totals or lines differ from the replay's. */
    PACKAGE_DIFFERS(Area.PACKAGE),
    /** A package whose outbox row the relay parked: the broker never confirmed it. */
    OUTBOX_PARKED(Area.BROKER),
    /** A package whose outbox row is still waiting to be sent. */
    OUTBOX_UNSENT(Area.BROKER),
    /** A package with no outbox row: never handed to the broker. */
    OUTBOX_MISSING(Area.BROKER),
    /** A package sent without its confirmation recorded ({@code billing_package.confirmed_at}). */
    NOT_CONFIRMED(Area.BROKER),
    /** The replay could not go through the contract's event log. */
    REPLAY_FAILED(Area.REPLAY);

    /** What a kind of drift is about. */
    public enum Area { STATE, PACKAGE, BROKER, REPLAY }

    private final Area area;

    DriftKind(Area area) {
        this.area = area;
    }

    public Area area() {
        return area;
    }
}
