-- Decision receipts people can read: every decision keeps the contract version it saw and the events
-- its item came from, and every package keeps its lines with the receipt of each.
alter table decision_log add column contract_version integer;
alter table decision_log add column source_events varchar(4000);
alter table billing_package add column lines text;
