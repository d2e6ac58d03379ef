-- Inbound partitions (ADR 0009): the service instances sharing this database, each with a heartbeat, so
-- they spread the partition queues among themselves.
create table service_instance (
    instance_id  varchar(200)             not null primary key,
    started_at   timestamp with time zone not null,
    heartbeat_at timestamp with time zone not null
);
