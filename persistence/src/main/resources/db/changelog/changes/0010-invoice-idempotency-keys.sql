--liquibase formatted sql

--changeset invoicing:0010-invoice-idempotency-keys
-- Idempotency-Key of POST /api/invoice/create: the first request with a key creates the invoice,
-- a repeat with the same request (same SHA-256 of its canonical JSON) gets that invoice back, and
-- a different request with the same key is refused. The primary key decides between concurrent
-- requests. invoice_id is set in the transaction that inserts the row, so no other transaction
-- ever sees it NULL.
CREATE TABLE invoice_idempotency_keys (
    tenant_id        BIGINT        NOT NULL,
    idempotency_key  VARCHAR(255)  NOT NULL,
    request_hash     CHAR(64)      NOT NULL,
    invoice_id       BIGINT,
    created_at       TIMESTAMPTZ   NOT NULL DEFAULT now(),
    CONSTRAINT pk_invoice_idempotency_keys PRIMARY KEY (tenant_id, idempotency_key),
    CONSTRAINT fk_invoice_idempotency_keys_tenant FOREIGN KEY (tenant_id) REFERENCES tenants (id),
    CONSTRAINT fk_invoice_idempotency_keys_invoice FOREIGN KEY (invoice_id) REFERENCES invoices (id) ON DELETE CASCADE
);
--rollback DROP TABLE invoice_idempotency_keys;
