--liquibase formatted sql

--changeset invoicing:0026-exchange-deposits
-- Every deposit the scanner saw in an exchange account's history, matched to the invoice whose
-- address it reached (or to none). A deposit is unique per network, tx hash and receiving address
-- (the same key as payment_transactions), so a scan that sees it again updates it, never adds it.
-- Those that count for no invoice are listed for an operator, who assigns (once) or dismisses them.
CREATE TABLE exchange_deposits (
    id                   BIGSERIAL      NOT NULL,
    tenant_id            BIGINT         NOT NULL,
    account_id           VARCHAR(64)    NOT NULL,
    provider             VARCHAR(32)    NOT NULL,
    tx_hash              VARCHAR(128)   NOT NULL,
    coin                 VARCHAR(16)    NOT NULL,
    network              VARCHAR(64)    NOT NULL,
    exchange_network     VARCHAR(64),
    address              VARCHAR(128)   NOT NULL,
    memo                 VARCHAR(128),
    amount               NUMERIC(38,18) NOT NULL,
    confirmations        INTEGER        NOT NULL,
    deposit_status       VARCHAR(16)    NOT NULL,
    deposited_at         TIMESTAMPTZ,
    first_seen_at        TIMESTAMPTZ    NOT NULL,
    last_seen_at         TIMESTAMPTZ    NOT NULL,
    invoice_id           BIGINT,
    raw_record           JSONB,
    resolution           VARCHAR(16)    NOT NULL DEFAULT 'none',
    assigned_invoice_id  BIGINT,
    resolved_by          VARCHAR(200),
    resolution_reason    TEXT,
    resolved_at          TIMESTAMPTZ,
    CONSTRAINT pk_exchange_deposits PRIMARY KEY (id),
    CONSTRAINT fk_exchange_deposits_tenant FOREIGN KEY (tenant_id) REFERENCES tenants (id),
    CONSTRAINT fk_exchange_deposits_invoice FOREIGN KEY (invoice_id) REFERENCES invoices (id),
    CONSTRAINT fk_exchange_deposits_assigned_invoice FOREIGN KEY (assigned_invoice_id) REFERENCES invoices (id),
    CONSTRAINT uq_exchange_deposits_network_tx_address UNIQUE (network, tx_hash, address),
    CONSTRAINT ck_exchange_deposits_resolution CHECK (resolution IN ('none', 'assigned', 'dismissed')),
    CONSTRAINT ck_exchange_deposits_assigned CHECK ((resolution = 'assigned') = (assigned_invoice_id IS NOT NULL))
);
CREATE INDEX ix_exchange_deposits_tenant_resolution ON exchange_deposits (tenant_id, resolution, first_seen_at);
CREATE INDEX ix_exchange_deposits_deposited_at ON exchange_deposits (deposited_at);
--rollback DROP TABLE exchange_deposits;
