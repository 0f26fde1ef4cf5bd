--liquibase formatted sql

--changeset invoicing:0003-invoice-number-sequences
-- One row per tenant and month; the row lock taken by the upsert serialises concurrent creates,
-- so numbers are consecutive and never duplicated.
CREATE TABLE invoice_number_sequences (
    tenant_id   BIGINT  NOT NULL,
    period      CHAR(7) NOT NULL,
    last_value  INTEGER NOT NULL,
    CONSTRAINT pk_invoice_number_sequences PRIMARY KEY (tenant_id, period),
    CONSTRAINT fk_invoice_number_sequences_tenant FOREIGN KEY (tenant_id) REFERENCES tenants (id),
    CONSTRAINT ck_invoice_number_sequences_period CHECK (period ~ '^[0-9]{4}-[0-9]{2}$')
);
--rollback DROP TABLE invoice_number_sequences;

--changeset invoicing:0003-invoices
CREATE TABLE invoices (
    id                BIGSERIAL     NOT NULL,
    tenant_id         BIGINT        NOT NULL,
    client_id         BIGINT        NOT NULL,
    invoice_number    VARCHAR(32)   NOT NULL,
    status            VARCHAR(32)   NOT NULL,
    amount_usd        NUMERIC(18,2) NOT NULL,
    subtotal_usd      NUMERIC(18,2) NOT NULL,
    tax_label         VARCHAR(16),
    tax_rate_percent  NUMERIC(7,4),
    tax_amount_usd    NUMERIC(18,2) NOT NULL DEFAULT 0,
    crypto_currency   VARCHAR(8)    NOT NULL,
    crypto_network    VARCHAR(16)   NOT NULL,
    billing_period    VARCHAR(100)  NOT NULL,
    description       TEXT          NOT NULL,
    notes             TEXT,
    issue_date        DATE          NOT NULL,
    due_date          DATE          NOT NULL,
    workflow_id       VARCHAR(128)  NOT NULL,
    state_version     BIGINT        NOT NULL DEFAULT 0,
    created_at        TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_at        TIMESTAMPTZ   NOT NULL DEFAULT now(),
    CONSTRAINT pk_invoices PRIMARY KEY (id),
    CONSTRAINT fk_invoices_tenant FOREIGN KEY (tenant_id) REFERENCES tenants (id),
    CONSTRAINT fk_invoices_client FOREIGN KEY (client_id) REFERENCES clients (id),
    CONSTRAINT uq_invoices_invoice_number UNIQUE (invoice_number),
    CONSTRAINT uq_invoices_workflow_id UNIQUE (workflow_id),
    CONSTRAINT ck_invoices_amount_positive CHECK (amount_usd > 0),
    CONSTRAINT ck_invoices_total CHECK (amount_usd = subtotal_usd + tax_amount_usd),
    CONSTRAINT ck_invoices_currency_network CHECK (
        (crypto_currency = 'BTC'  AND crypto_network = 'BTC') OR
        (crypto_currency = 'USDT' AND crypto_network IN ('TRC20', 'ERC20', 'BEP20')) OR
        (crypto_currency = 'TAO'  AND crypto_network = 'TAO'))
);
CREATE INDEX ix_invoices_tenant_status ON invoices (tenant_id, status);
CREATE INDEX ix_invoices_client ON invoices (client_id);
--rollback DROP TABLE invoices;

--changeset invoicing:0003-invoice-line-items
CREATE TABLE invoice_line_items (
    id              BIGSERIAL     NOT NULL,
    invoice_id      BIGINT        NOT NULL,
    position        INTEGER       NOT NULL,
    description     TEXT          NOT NULL,
    quantity        NUMERIC(18,4) NOT NULL,
    unit_price_usd  NUMERIC(18,2) NOT NULL,
    amount_usd      NUMERIC(18,2) NOT NULL,
    CONSTRAINT pk_invoice_line_items PRIMARY KEY (id),
    CONSTRAINT fk_invoice_line_items_invoice FOREIGN KEY (invoice_id) REFERENCES invoices (id) ON DELETE CASCADE,
    CONSTRAINT uq_invoice_line_items_position UNIQUE (invoice_id, position),
    CONSTRAINT ck_invoice_line_items_quantity_positive CHECK (quantity > 0)
);
--rollback DROP TABLE invoice_line_items;
