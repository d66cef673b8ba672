-- Blocktrack governance cluster: PostgreSQL schema, part 1 of 5.
-- Every script here is idempotent: the silo applies them at startup (SchemaMigrator) and
-- `dotnet run --project Silo -- migrate` or `psql -f` may apply them again at any time.

-- The statements Orleans' ADO.NET providers (clustering, persistence, reminders) run, by key. Each provider
-- loads its keys at startup and refuses to start when one is missing. Orleans reads parameters and result
-- columns by name, so each query keeps those names; the tables behind them are ours.
CREATE TABLE IF NOT EXISTS OrleansQuery (
    QueryKey  varchar(64) NOT NULL PRIMARY KEY,
    QueryText text        NOT NULL
);
