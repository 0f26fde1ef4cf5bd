--liquibase formatted sql

--changeset invoicing:0004-invoice-deposit-and-quote
ALTER TABLE invoices
    ADD COLUMN deposit_address   VARCHAR(128),
    ADD COLUMN deposit_memo      VARCHAR(128),
    ADD COLUMN exchange_network  VARCHAR(64),
    ADD COLUMN crypto_amount     NUMERIC(38,18),
    ADD COLUMN exchange_rate     NUMERIC(38,18),
    ADD COLUMN rate_locked_at    TIMESTAMPTZ,
    ADD COLUMN rate_source       VARCHAR(64);
-- A fresh address per invoice: an address never serves two invoices on one network.
ALTER TABLE invoices
    ADD CONSTRAINT uq_invoices_network_deposit_address UNIQUE (crypto_network, deposit_address);
ALTER TABLE invoices
    ADD CONSTRAINT ck_invoices_crypto_amount_positive CHECK (crypto_amount IS NULL OR crypto_amount > 0);
ALTER TABLE invoices
    ADD CONSTRAINT ck_invoices_quote_complete CHECK (
        (crypto_amount IS NULL AND exchange_rate IS NULL AND rate_locked_at IS NULL) OR
        (crypto_amount IS NOT NULL AND exchange_rate IS NOT NULL AND rate_locked_at IS NOT NULL));
--rollback ALTER TABLE invoices DROP CONSTRAINT ck_invoices_quote_complete, DROP CONSTRAINT ck_invoices_crypto_amount_positive, DROP CONSTRAINT uq_invoices_network_deposit_address, DROP COLUMN rate_source, DROP COLUMN rate_locked_at, DROP COLUMN exchange_rate, DROP COLUMN crypto_amount, DROP COLUMN exchange_network, DROP COLUMN deposit_memo, DROP COLUMN deposit_address;

--changeset invoicing:0004-exchange-health
-- The latest health check of each exchange provider, written by the workers every 30 s.
CREATE TABLE exchange_health (
    provider           VARCHAR(32)  NOT NULL,
    checked_at         TIMESTAMPTZ  NOT NULL,
    endpoint           VARCHAR(255) NOT NULL,
    healthy            BOOLEAN      NOT NULL,
    reachable          BOOLEAN      NOT NULL,
    credentials_valid  BOOLEAN      NOT NULL,
    latency_ms         BIGINT       NOT NULL,
    clock_skew_ms      BIGINT       NOT NULL,
    permissions        JSONB        NOT NULL,
    problems           JSONB        NOT NULL,
    CONSTRAINT pk_exchange_health PRIMARY KEY (provider)
);
--rollback DROP TABLE exchange_health;
