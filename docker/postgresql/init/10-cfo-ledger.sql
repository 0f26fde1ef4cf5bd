-- The AI CFO system's ledger for the compose stack: a database of its own, with its own user, in
-- the same PostgreSQL server. Runs once, when the data volume is first initialised. The worker
-- creates the transactions table in it (db/cfo-changelog) on start.
CREATE USER cfo WITH PASSWORD 'cfo';
CREATE DATABASE cfo OWNER cfo;
