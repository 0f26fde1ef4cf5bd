--liquibase formatted sql

--changeset invoicing:0005-invoice-lifecycle-columns
-- The projection of each invoice workflow's state; state_snapshot is the full state, from which a
-- lost workflow is resumed exactly.
ALTER TABLE invoices
    ADD COLUMN issued_at        TIMESTAMPTZ,
    ADD COLUMN issue_error      TEXT,
    ADD COLUMN amount_received  NUMERIC(38,18),
    ADD COLUMN amount_pending   NUMERIC(38,18),
    ADD COLUMN excess_amount    NUMERIC(38,18),
    ADD COLUMN overpaid         BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN overdue          BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN paid_at          TIMESTAMPTZ,
    ADD COLUMN paid_late        BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN paid_manually    BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN cancelled_at     TIMESTAMPTZ,
    ADD COLUMN cancel_reason    TEXT,
    ADD COLUMN completed_at     TIMESTAMPTZ,
    ADD COLUMN dunning_stage    INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN dunning_paused   BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN flagged_payments INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN policy           JSONB,
    ADD COLUMN state_snapshot   JSONB;
ALTER TABLE invoices ADD CONSTRAINT ck_invoices_dunning_stage CHECK (dunning_stage BETWEEN 0 AND 5);
CREATE INDEX ix_invoices_tenant_paid_at ON invoices (tenant_id, paid_at);
--rollback ALTER TABLE invoices DROP CONSTRAINT ck_invoices_dunning_stage, DROP COLUMN state_snapshot, DROP COLUMN policy, DROP COLUMN flagged_payments, DROP COLUMN dunning_paused, DROP COLUMN dunning_stage, DROP COLUMN completed_at, DROP COLUMN cancel_reason, DROP COLUMN cancelled_at, DROP COLUMN paid_manually, DROP COLUMN paid_late, DROP COLUMN paid_at, DROP COLUMN overdue, DROP COLUMN overpaid, DROP COLUMN excess_amount, DROP COLUMN amount_pending, DROP COLUMN amount_received, DROP COLUMN issue_error, DROP COLUMN issued_at;

--changeset invoicing:0005-clients-dunning-offsets
-- Per-client dunning schedule (five day offsets from the due date); null uses the default.
ALTER TABLE clients ADD COLUMN dunning_offsets_days VARCHAR(64);
--rollback ALTER TABLE clients DROP COLUMN dunning_offsets_days;

--changeset invoicing:0005-payment-transactions
-- Every deposit that reached an invoice's address, counted or flagged. A transaction hash is
-- unique per network and receiving address: one Bitcoin transaction may pay several addresses.
CREATE TABLE payment_transactions (
    id                      BIGSERIAL     NOT NULL,
    tenant_id               BIGINT        NOT NULL,
    invoice_id              BIGINT        NOT NULL,
    tx_hash                 VARCHAR(128)  NOT NULL,
    network                 VARCHAR(64)   NOT NULL,
    exchange_network        VARCHAR(64),
    address                 VARCHAR(128)  NOT NULL,
    coin                    VARCHAR(16),
    amount                  NUMERIC(38,18) NOT NULL,
    confirmations           INTEGER       NOT NULL,
    confirmations_required  INTEGER       NOT NULL,
    deposit_status          VARCHAR(16)   NOT NULL,
    counts                  BOOLEAN       NOT NULL,
    flag                    VARCHAR(32),
    manual                  BOOLEAN       NOT NULL DEFAULT false,
    raw_record              JSONB,
    inserted_at             TIMESTAMPTZ,
    first_seen_at           TIMESTAMPTZ   NOT NULL,
    updated_at              TIMESTAMPTZ   NOT NULL DEFAULT now(),
    state_version           BIGINT        NOT NULL,
    CONSTRAINT pk_payment_transactions PRIMARY KEY (id),
    CONSTRAINT fk_payment_transactions_tenant FOREIGN KEY (tenant_id) REFERENCES tenants (id),
    CONSTRAINT fk_payment_transactions_invoice FOREIGN KEY (invoice_id) REFERENCES invoices (id),
    CONSTRAINT uq_payment_transactions_network_tx_address UNIQUE (network, tx_hash, address),
    CONSTRAINT ck_payment_transactions_counts_or_flag CHECK (counts OR flag IS NOT NULL),
    CONSTRAINT ck_payment_transactions_amount_positive CHECK (amount > 0)
);
CREATE INDEX ix_payment_transactions_invoice ON payment_transactions (invoice_id);
--rollback DROP TABLE payment_transactions;

--changeset invoicing:0005-invoice-audit
CREATE TABLE invoice_audit (
    id               BIGSERIAL    NOT NULL,
    tenant_id        BIGINT       NOT NULL,
    invoice_id       BIGINT       NOT NULL,
    idempotency_key  VARCHAR(200) NOT NULL,
    action           VARCHAR(64)  NOT NULL,
    actor            VARCHAR(200) NOT NULL,
    reason           TEXT,
    details          JSONB,
    occurred_at      TIMESTAMPTZ  NOT NULL,
    CONSTRAINT pk_invoice_audit PRIMARY KEY (id),
    CONSTRAINT fk_invoice_audit_tenant FOREIGN KEY (tenant_id) REFERENCES tenants (id),
    CONSTRAINT fk_invoice_audit_invoice FOREIGN KEY (invoice_id) REFERENCES invoices (id),
    CONSTRAINT uq_invoice_audit_idempotency_key UNIQUE (idempotency_key)
);
CREATE INDEX ix_invoice_audit_invoice ON invoice_audit (invoice_id, occurred_at);
--rollback DROP TABLE invoice_audit;

--changeset invoicing:0005-deposit-watches
-- The deposit scanner's list of addresses to look at, and what it last reported for each.
CREATE TABLE deposit_watches (
    invoice_id        BIGINT       NOT NULL,
    tenant_id         BIGINT       NOT NULL,
    workflow_id       VARCHAR(128) NOT NULL,
    coin              VARCHAR(16)  NOT NULL,
    network           VARCHAR(16)  NOT NULL,
    address           VARCHAR(128) NOT NULL,
    memo              VARCHAR(128),
    state             VARCHAR(16)  NOT NULL,
    final_status      VARCHAR(32),
    watch_until       TIMESTAMPTZ,
    last_hash         VARCHAR(64),
    last_observed_at  TIMESTAMPTZ,
    opened_at         TIMESTAMPTZ  NOT NULL DEFAULT now(),
    closed_at         TIMESTAMPTZ,
    CONSTRAINT pk_deposit_watches PRIMARY KEY (invoice_id),
    CONSTRAINT fk_deposit_watches_invoice FOREIGN KEY (invoice_id) REFERENCES invoices (id),
    CONSTRAINT ck_deposit_watches_state CHECK (state IN ('open', 'closed')),
    CONSTRAINT ck_deposit_watches_closed CHECK (state = 'open' OR watch_until IS NOT NULL)
);
CREATE INDEX ix_deposit_watches_active ON deposit_watches (state, watch_until);
--rollback DROP TABLE deposit_watches;

--changeset invoicing:0005-polling-log
-- One row per scan cycle (not per invoice): bounded, yet it answers checks per hour and day.
CREATE TABLE polling_log (
    id              BIGSERIAL    NOT NULL,
    tick_at         TIMESTAMPTZ  NOT NULL,
    started_at      TIMESTAMPTZ  NOT NULL,
    finished_at     TIMESTAMPTZ  NOT NULL,
    lag_ms          BIGINT       NOT NULL,
    coins           INTEGER      NOT NULL,
    exchange_calls  INTEGER      NOT NULL,
    watches         INTEGER      NOT NULL,
    signals         INTEGER      NOT NULL,
    errors          INTEGER      NOT NULL,
    error           TEXT,
    worker          VARCHAR(128) NOT NULL,
    CONSTRAINT pk_polling_log PRIMARY KEY (id)
);
CREATE INDEX ix_polling_log_tick ON polling_log (tick_at);
--rollback DROP TABLE polling_log;
