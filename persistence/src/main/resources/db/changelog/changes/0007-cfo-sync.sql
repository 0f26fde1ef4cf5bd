--liquibase formatted sql

--changeset invoicing:0007-crypto-invoice-cfo-sync
-- Which CFO ledger row books each paid invoice as revenue, and where its sync stands. One row per
-- invoice; retry_count counts the attempts that failed and were (or are to be) retried.
CREATE TABLE crypto_invoice_cfo_sync (
    id                    BIGSERIAL     NOT NULL,
    invoice_id            BIGINT        NOT NULL,
    cfo_transaction_id    BIGINT,
    sync_status           VARCHAR(20)   NOT NULL DEFAULT 'pending',
    sync_timestamp        TIMESTAMPTZ,
    entity_mapped         VARCHAR(255),
    business_unit_mapped  VARCHAR(255),
    category_mapped       VARCHAR(100),
    subcategory_mapped    VARCHAR(100),
    confidence_score      NUMERIC(4,3),
    sync_error            TEXT,
    retry_count           INTEGER       NOT NULL DEFAULT 0,
    created_at            TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_at            TIMESTAMPTZ   NOT NULL DEFAULT now(),
    CONSTRAINT pk_crypto_invoice_cfo_sync PRIMARY KEY (id),
    CONSTRAINT fk_crypto_invoice_cfo_sync_invoice FOREIGN KEY (invoice_id) REFERENCES invoices (id),
    CONSTRAINT uq_crypto_invoice_cfo_sync_invoice UNIQUE (invoice_id),
    CONSTRAINT ck_crypto_invoice_cfo_sync_status CHECK (sync_status IN ('pending', 'synced', 'failed', 'retry')),
    CONSTRAINT ck_crypto_invoice_cfo_sync_synced CHECK (
        sync_status <> 'synced' OR (cfo_transaction_id IS NOT NULL AND sync_timestamp IS NOT NULL)),
    CONSTRAINT ck_crypto_invoice_cfo_sync_retry_count CHECK (retry_count >= 0)
);
CREATE INDEX ix_crypto_invoice_cfo_sync_status ON crypto_invoice_cfo_sync (sync_status, created_at);
--rollback DROP TABLE crypto_invoice_cfo_sync;

--changeset invoicing:0007-crypto-cfo-sync-log
-- Every sync attempt: what was sent to the ledger and what came back (or went wrong).
CREATE TABLE crypto_cfo_sync_log (
    id                      BIGSERIAL    NOT NULL,
    invoice_id              BIGINT       NOT NULL,
    attempt                 INTEGER      NOT NULL,
    sync_attempt_timestamp  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    sync_status             VARCHAR(20)  NOT NULL,
    cfo_transaction_id      BIGINT,
    error_message           TEXT,
    request_payload         JSONB,
    response_data           JSONB,
    CONSTRAINT pk_crypto_cfo_sync_log PRIMARY KEY (id),
    CONSTRAINT fk_crypto_cfo_sync_log_invoice FOREIGN KEY (invoice_id) REFERENCES invoices (id),
    CONSTRAINT ck_crypto_cfo_sync_log_status CHECK (sync_status IN ('synced', 'failed', 'retry'))
);
CREATE INDEX ix_crypto_cfo_sync_log_invoice ON crypto_cfo_sync_log (invoice_id, sync_attempt_timestamp);
--rollback DROP TABLE crypto_cfo_sync_log;

--changeset invoicing:0007-v-crypto-invoices-pending-sync
-- Paid invoices not (yet) booked in the ledger: never tried, being retried, or failed.
CREATE VIEW v_crypto_invoices_pending_sync AS
SELECT i.id                               AS invoice_id,
       i.tenant_id,
       i.invoice_number,
       c.name                             AS client_name,
       i.amount_usd,
       i.crypto_currency,
       i.paid_at,
       COALESCE(s.sync_status, 'pending') AS sync_status,
       COALESCE(s.retry_count, 0)         AS retry_count,
       s.sync_error,
       s.updated_at                       AS last_attempt_at
  FROM invoices i
  JOIN clients c ON c.id = i.client_id
  LEFT JOIN crypto_invoice_cfo_sync s ON s.invoice_id = i.id
 WHERE i.status = 'paid'
   AND (s.sync_status IS NULL OR s.sync_status <> 'synced');
--rollback DROP VIEW v_crypto_invoices_pending_sync;

--changeset invoicing:0007-v-crypto-invoices-synced
-- Invoices booked in the ledger, with the ledger row and how long booking took after payment.
CREATE VIEW v_crypto_invoices_synced AS
SELECT i.id                AS invoice_id,
       i.tenant_id,
       i.invoice_number,
       c.name              AS client_name,
       i.amount_usd,
       i.crypto_currency,
       i.status            AS invoice_status,
       i.paid_at,
       s.cfo_transaction_id,
       s.sync_timestamp,
       s.entity_mapped,
       s.business_unit_mapped,
       s.category_mapped,
       s.subcategory_mapped,
       s.confidence_score,
       s.retry_count,
       EXTRACT(EPOCH FROM (s.sync_timestamp - i.paid_at)) AS sync_lag_seconds
  FROM crypto_invoice_cfo_sync s
  JOIN invoices i ON i.id = s.invoice_id
  JOIN clients c ON c.id = i.client_id
 WHERE s.sync_status = 'synced';
--rollback DROP VIEW v_crypto_invoices_synced;

--changeset invoicing:0007-get-invoices-ready-for-sync splitStatements:false
-- Paid invoices never tried or failed with retries left, oldest payment first.
CREATE FUNCTION get_invoices_ready_for_sync()
RETURNS TABLE (
    invoice_id       BIGINT,
    tenant_id        BIGINT,
    invoice_number   VARCHAR,
    client_name      VARCHAR,
    amount_usd       NUMERIC,
    crypto_currency  VARCHAR,
    paid_at          TIMESTAMPTZ,
    sync_status      VARCHAR,
    retry_count      INTEGER)
LANGUAGE sql STABLE AS $$
    SELECT i.id, i.tenant_id, i.invoice_number, c.name, i.amount_usd, i.crypto_currency, i.paid_at,
           s.sync_status, COALESCE(s.retry_count, 0)
      FROM invoices i
      JOIN clients c ON c.id = i.client_id
      LEFT JOIN crypto_invoice_cfo_sync s ON s.invoice_id = i.id
     WHERE i.status = 'paid'
       AND (s.sync_status IS NULL OR s.sync_status = 'failed')
       AND COALESCE(s.retry_count, 0) < 3
     ORDER BY i.paid_at ASC, i.id ASC
$$;
--rollback DROP FUNCTION get_invoices_ready_for_sync();
