--liquibase formatted sql

--changeset invoicing:0028-exchange-failover
-- The provider that issued an invoice's address: the invoice is watched there until it is final
-- (null: issued before providers were recorded, i.e. the tenant's MEXC account).
ALTER TABLE invoices ADD COLUMN exchange_provider VARCHAR(16);
-- A tenant's own ordered list of exchange accounts (position 1 first); secrets encrypted as the
-- tenant's other secrets are. Without rows the environment's list applies.
CREATE TABLE tenant_exchange_providers (
    tenant_id      BIGINT       NOT NULL,
    position       INTEGER      NOT NULL,
    provider       VARCHAR(16)  NOT NULL,
    api_key        VARCHAR(256) NOT NULL,
    api_secret     TEXT         NOT NULL,
    updated_at     TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT pk_tenant_exchange_providers PRIMARY KEY (tenant_id, position),
    CONSTRAINT fk_tenant_exchange_providers_tenant FOREIGN KEY (tenant_id) REFERENCES tenants (id),
    CONSTRAINT uq_tenant_exchange_providers_provider UNIQUE (tenant_id, provider),
    CONSTRAINT ck_tenant_exchange_providers_provider CHECK (provider IN ('mexc', 'binance')),
    CONSTRAINT ck_tenant_exchange_providers_position CHECK (position BETWEEN 1 AND 5)
);
-- Each time issuing moves from one provider to another; the key makes a switch seen by several
-- workers at once one row (and one mail).
CREATE TABLE exchange_provider_switches (
    id             BIGSERIAL    NOT NULL,
    switch_key     VARCHAR(200) NOT NULL,
    tenant_id      BIGINT       NOT NULL,
    from_provider  VARCHAR(32)  NOT NULL,
    to_provider    VARCHAR(32)  NOT NULL,
    reason         TEXT,
    switched_at    TIMESTAMPTZ  NOT NULL,
    CONSTRAINT pk_exchange_provider_switches PRIMARY KEY (id),
    CONSTRAINT uq_exchange_provider_switches_key UNIQUE (switch_key)
);
--rollback DROP TABLE exchange_provider_switches; DROP TABLE tenant_exchange_providers; ALTER TABLE invoices DROP COLUMN exchange_provider;

--changeset invoicing:0028-reconciliation-reports
-- The daily three-way report per tenant and day, as the scheduled workflow last computed it.
CREATE TABLE reconciliation_reports (
    tenant_id     BIGINT       NOT NULL,
    report_date   DATE         NOT NULL,
    computed_at   TIMESTAMPTZ  NOT NULL,
    differences   INTEGER      NOT NULL,
    report        JSONB        NOT NULL,
    CONSTRAINT pk_reconciliation_reports PRIMARY KEY (tenant_id, report_date),
    CONSTRAINT fk_reconciliation_reports_tenant FOREIGN KEY (tenant_id) REFERENCES tenants (id)
);
--rollback DROP TABLE reconciliation_reports;
