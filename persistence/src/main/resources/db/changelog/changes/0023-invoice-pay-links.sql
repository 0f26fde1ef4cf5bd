--liquibase formatted sql

--changeset invoicing:0023-invoice-pay-links
-- The payer's public link to an invoice, /pay/{token}: 128 random bits, neither the id nor derived
-- from the number. The token is kept so the console and API can show the link again; requests are
-- looked up by its SHA-256 (token_hash), so the index lookup's timing depends on a hash, not on how
-- much of a guessed token matches a real one. Regenerating replaces both; the old link is then 404.
CREATE TABLE invoice_pay_links (
    invoice_id      BIGINT       NOT NULL,
    tenant_id       BIGINT       NOT NULL,
    token           VARCHAR(64)  NOT NULL,
    token_hash      CHAR(64)     NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    regenerated_at  TIMESTAMPTZ,
    CONSTRAINT pk_invoice_pay_links PRIMARY KEY (invoice_id),
    CONSTRAINT fk_invoice_pay_links_invoice FOREIGN KEY (invoice_id) REFERENCES invoices (id),
    CONSTRAINT fk_invoice_pay_links_tenant FOREIGN KEY (tenant_id) REFERENCES tenants (id),
    CONSTRAINT uq_invoice_pay_links_token UNIQUE (token),
    CONSTRAINT uq_invoice_pay_links_token_hash UNIQUE (token_hash)
);
--rollback DROP TABLE invoice_pay_links;
