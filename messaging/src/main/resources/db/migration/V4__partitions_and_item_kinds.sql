-- Inbound partitions (ADR 0009): the service instances sharing this database, each with a heartbeat, so
-- they spread the partition queues among themselves.
create table service_instance (
    instance_id  varchar(200)             not null primary key,
    started_at   timestamp with time zone not null,
    heartbeat_at timestamp with time zone not null
);

-- Items are kept under a stable kind (StateKind: TIME_ENTRY:TE-7), no longer under a Java class name
-- (TimeEntry:TE-7). An excess held over a cap is kept under EXCESS: and the key of its item, which its
-- record also names (sourceKey). Rows of every earlier release are renamed here; the JSON '@type' names
-- were always explicit and stay as they are.
update contract_item set item_key = 'TIME_ENTRY:' || substr(item_key, 11) where item_key like 'TimeEntry:%';
update contract_item set item_key = 'EXPENSE:' || substr(item_key, 9) where item_key like 'Expense:%';
update contract_item set item_key = 'MILESTONE:' || substr(item_key, 15) where item_key like 'MilestoneItem:%';
update contract_item set item_key = 'SCHEDULE_CHARGE:' || substr(item_key, 16) where item_key like 'ScheduleCharge:%';
update contract_item set item_key = 'RETAINER_FEE:' || substr(item_key, 13) where item_key like 'RetainerFee:%';
update contract_item set item_key = 'RETENTION_RELEASE:' || substr(item_key, 18) where item_key like 'RetentionRelease:%';
update contract_item set item_key = 'CONTRACT:' || substr(item_key, 10) where item_key like 'Contract:%';
update contract_item set item_key = 'Excess:TIME_ENTRY:' || substr(item_key, 18) where item_key like 'Excess:TimeEntry:%';
update contract_item set record = replace(record, '"sourceKey":"TimeEntry:', '"sourceKey":"TIME_ENTRY:') where item_key like 'Excess:%';
update contract_item set item_key = 'Excess:EXPENSE:' || substr(item_key, 16) where item_key like 'Excess:Expense:%';
update contract_item set record = replace(record, '"sourceKey":"Expense:', '"sourceKey":"EXPENSE:') where item_key like 'Excess:%';
update contract_item set item_key = 'Excess:MILESTONE:' || substr(item_key, 22) where item_key like 'Excess:MilestoneItem:%';
update contract_item set record = replace(record, '"sourceKey":"MilestoneItem:', '"sourceKey":"MILESTONE:') where item_key like 'Excess:%';
update contract_item set item_key = 'Excess:SCHEDULE_CHARGE:' || substr(item_key, 23) where item_key like 'Excess:ScheduleCharge:%';
update contract_item set record = replace(record, '"sourceKey":"ScheduleCharge:', '"sourceKey":"SCHEDULE_CHARGE:') where item_key like 'Excess:%';
update contract_item set item_key = 'Excess:RETAINER_FEE:' || substr(item_key, 20) where item_key like 'Excess:RetainerFee:%';
update contract_item set record = replace(record, '"sourceKey":"RetainerFee:', '"sourceKey":"RETAINER_FEE:') where item_key like 'Excess:%';
update contract_item set item_key = 'Excess:RETENTION_RELEASE:' || substr(item_key, 25) where item_key like 'Excess:RetentionRelease:%';
update contract_item set record = replace(record, '"sourceKey":"RetentionRelease:', '"sourceKey":"RETENTION_RELEASE:') where item_key like 'Excess:%';
update contract_item set item_key = 'Excess:CONTRACT:' || substr(item_key, 17) where item_key like 'Excess:Contract:%';
update contract_item set record = replace(record, '"sourceKey":"Contract:', '"sourceKey":"CONTRACT:') where item_key like 'Excess:%';
update contract_item set item_key = 'EXCESS:' || substr(item_key, 8) where item_key like 'Excess:%';

-- A settled item (a billed time entry or expense with nothing pending and not awaiting approval) is read
-- only by its key, when a message about it arrives, never with the rest of the contract's state, so a state
-- read does not grow with the contract's age (ContractStateRepository). Rows of earlier releases start as
-- not settled, and are marked the next time they are written.
alter table contract_item add column settled boolean default false not null;
create index contract_item_open on contract_item (contract_id, settled);
