-- Trigram indexes (next migration) answer the lists' "contains" searches (ILIKE '%text%')
-- without reading every row. pg_trgm ships with PostgreSQL (contrib) and is a trusted
-- extension: a database owner may create it; PGlite loads it in db/open.ts.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
