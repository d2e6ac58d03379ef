-- An applied message's dedup records are its event log row: two rows and two index entries fewer for every
-- message. processed_message keeps only the messages that were received and skipped (a resend of known
-- content, a stale correction), as skipped_message; the view of the old name still lists every message
-- id ever processed, with what became of it.

alter table event_log add column content_hash varchar(64);

update event_log set content_hash = (
    select p.content_hash from processed_message p where p.message_id = event_log.message_id);
update event_log set content_hash = '' where content_hash is null;
alter table event_log alter column content_hash set not null;

delete from processed_message where outcome = 'APPLIED';
alter table processed_message rename to skipped_message;

create view processed_message (message_id, contract_id, content_hash, outcome, processed_at) as
    select message_id, contract_id, content_hash, cast('APPLIED' as varchar(30)), received_at from event_log
    union all
    select message_id, contract_id, content_hash, outcome, processed_at from skipped_message;

-- The last content applied for a business item is the item's latest event log row: business_key goes,
-- and the event log keeps each message's CloudEvents time and an index by contract and business key
-- (which also serves every read by contract).
alter table event_log add column event_time timestamp with time zone;
update event_log set event_time = (
    select b.event_time from business_key b where b.message_id = event_log.message_id);
create index event_log_key on event_log (contract_id, business_key, seq);
drop index event_log_contract;
drop table business_key;
