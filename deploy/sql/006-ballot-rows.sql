-- A row of the ballot log holds every ballot one shard appended in one batch (BallotRows): ballot_count of them, its
-- payload the one ballot when it is one, else their array. Rows written before this column existed hold one ballot.
ALTER TABLE ballots ADD COLUMN IF NOT EXISTS ballot_count integer NOT NULL DEFAULT 1 CHECK (ballot_count >= 1);

-- A batch's payload is kilobytes of signatures and digests, which do not compress: keep it out of line when it must
-- be, but never spend the write on pglz (it was 16 % of PostgreSQL's CPU while a million ballots went in).
ALTER TABLE ballots ALTER COLUMN payload SET STORAGE EXTERNAL;
