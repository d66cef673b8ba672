-- The ballot log (PostgresBallotLog): one row per ballot, appended in batches, never changed.
-- seq orders the ballots of a log (a proposal or ballot shard id) in the order they were appended.

CREATE TABLE IF NOT EXISTS ballots (
    seq         bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    log_id      text        NOT NULL,
    payload     bytea       NOT NULL, -- the Ballot, Orleans-serialized
    appended_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX IF NOT EXISTS ballots_by_log ON ballots (log_id, seq);

-- Tallies are recomputed from this log, so a ballot once written must never change or vanish.
CREATE OR REPLACE FUNCTION ballots_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
    RAISE EXCEPTION 'ballots are append-only: % refused', TG_OP;
END
$fn$;

DROP TRIGGER IF EXISTS ballots_append_only ON ballots;
CREATE TRIGGER ballots_append_only BEFORE UPDATE OR DELETE ON ballots
    FOR EACH ROW EXECUTE FUNCTION ballots_refuse_change();
