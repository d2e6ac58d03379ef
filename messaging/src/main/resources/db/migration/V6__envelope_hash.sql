-- A message id reused with the same data but from another source, or as another type, is another event
-- (issue 15): the dedup records keep a hash of the envelope's source and type beside the data's, and a
-- second delivery under the id must match both. Rows of earlier releases have none: for them only the
-- data is compared, as before.
alter table event_log add column envelope_hash varchar(64);
alter table skipped_message add column envelope_hash varchar(64);
