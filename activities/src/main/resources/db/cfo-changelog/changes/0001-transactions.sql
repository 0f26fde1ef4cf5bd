--liquibase formatted sql

--changeset cfo:0001-transactions
--preconditions onFail:MARK_RAN
--precondition-sql-check expectedResult:0 SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'transactions'
-- The AI CFO system's transactions table, as its integration guide names the columns (unquoted,
-- so PostgreSQL folds them to lower case, as the guide's own INSERT does). A ledger that has the
-- table already is used as it is. Identifier is not unique in the CFO system: booking exactly once
-- is the writer's job (an advisory lock and a look-up by Identifier), not a constraint's.
CREATE TABLE transactions (
    id                     BIGSERIAL     NOT NULL,
    Date                   TIMESTAMPTZ   NOT NULL,
    Description            TEXT          NOT NULL,
    Amount                 NUMERIC(18,2) NOT NULL,
    classified_entity      VARCHAR(255),
    Business_Unit          VARCHAR(255),
    source_file            VARCHAR(255),
    transaction_type       VARCHAR(50),
    confidence             NUMERIC(4,3),
    classification_reason  TEXT,
    Origin                 VARCHAR(255),
    Destination            VARCHAR(255),
    Identifier             VARCHAR(255),
    Currency               VARCHAR(16),
    created_at             TIMESTAMPTZ   NOT NULL DEFAULT now(),
    CONSTRAINT pk_transactions PRIMARY KEY (id)
);
CREATE INDEX ix_transactions_identifier ON transactions (Identifier);
--rollback DROP TABLE transactions;
