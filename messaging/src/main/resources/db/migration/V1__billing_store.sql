-- Billwright's store. Portable SQL: runs on PostgreSQL (production) and H2 (embedded default).

-- One row per contract: the row every message about the contract locks, its revision, and the engine
-- state apart from its items (contract versions, cap and retainer positions, triggers, milestones).
create table contract_state (
    contract_id  varchar(200)             not null primary key,
    revision     bigint                   not null,
    state        text,
    updated_at   timestamp with time zone not null
);

-- The state's items, one row each, so a message writes only the items it changed.
create table contract_item (
    contract_id  varchar(200)  not null,
    item_key     varchar(600)  not null,
    record       text          not null,
    primary key (contract_id, item_key)
);

-- Every applied inbound message, as received: the audit trail and the source for simulations.
create table event_log (
    seq            bigint generated always as identity primary key,
    message_id     varchar(200)             not null unique,
    contract_id    varchar(200)             not null,
    event_type     varchar(100)             not null,
    business_key   varchar(600)             not null,
    correlation_id varchar(200)             not null,
    received_at    timestamp with time zone not null,
    body           text                     not null
);
create index event_log_contract on event_log (contract_id, seq);
create index event_log_received on event_log (received_at);

-- Dedup by message id: every message id ever processed, and what became of it.
create table processed_message (
    message_id   varchar(200)             not null primary key,
    contract_id  varchar(200)             not null,
    content_hash varchar(64)              not null,
    outcome      varchar(30)              not null,
    processed_at timestamp with time zone not null
);

-- Dedup by business key: the last content seen for each business item (an identical resend under a new
-- message id changes nothing; a changed one is a correction, unless its CloudEvents time is older than
-- the content already applied: then it is stale and skipped).
create table business_key (
    contract_id  varchar(200)             not null,
    business_key varchar(600)             not null,
    content_hash varchar(64)              not null,
    message_id   varchar(200)             not null,
    event_time   timestamp with time zone,
    primary key (contract_id, business_key)
);

-- Every decision, with the rule-set version and the rules behind it.
create table decision_log (
    id               bigint generated always as identity primary key,
    message_id       varchar(200)             not null,
    contract_id      varchar(200)             not null,
    item_id          varchar(300)             not null,
    item_kind        varchar(40)              not null,
    status           varchar(20)              not null,
    reason           varchar(60),
    detail           varchar(2000),
    amount           numeric(19, 4),
    currency         varchar(3),
    rule_set_version varchar(200),
    rules            varchar(4000),
    decided_at       timestamp with time zone not null
);
create index decision_log_contract on decision_log (contract_id, item_id);

-- Every package ever issued: the package id is unique, so a package can never be issued twice.
create table billing_package (
    package_id       varchar(100)             not null primary key,
    contract_id      varchar(200)             not null,
    erp_target       varchar(30)              not null,
    trigger_kind     varchar(40)              not null,
    trigger_key      varchar(200)             not null,
    currency         varchar(3)               not null,
    net              numeric(19, 4)           not null,
    tax              numeric(19, 4)           not null,
    retention        numeric(19, 4)           not null,
    amount_due       numeric(19, 4)           not null,
    rule_set_version varchar(200)             not null,
    message_id       varchar(200)             not null,
    created_at       timestamp with time zone not null
);

-- Transactional outbox: written with the state, published with confirms, marked sent on the confirm.
create table outbox (
    id              bigint generated always as identity primary key,
    message_id      varchar(200)             not null unique,
    exchange_name   varchar(200)             not null,
    routing_key     varchar(200)             not null,
    correlation_id  varchar(200)             not null,
    message_type    varchar(100)             not null,
    body            text                     not null,
    created_at      timestamp with time zone not null,
    next_attempt_at timestamp with time zone not null,
    attempts        integer                  not null default 0,
    claimed_until   timestamp with time zone,
    last_error      varchar(2000),
    sent_at         timestamp with time zone,
    parked_at       timestamp with time zone
);
create index outbox_due on outbox (sent_at, parked_at, next_attempt_at, id);
