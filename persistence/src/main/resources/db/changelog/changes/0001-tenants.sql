--liquibase formatted sql

--changeset invoicing:0001-tenants
CREATE TABLE tenants (
    id              BIGSERIAL    NOT NULL,
    slug            VARCHAR(64)  NOT NULL,
    name            VARCHAR(200) NOT NULL,
    invoice_prefix  VARCHAR(8)   NOT NULL,
    time_zone       VARCHAR(64)  NOT NULL DEFAULT 'America/Asuncion',
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT pk_tenants PRIMARY KEY (id),
    CONSTRAINT uq_tenants_slug UNIQUE (slug),
    -- Prefixes are unique across tenants, so invoice numbers (and workflow ids) are globally unique.
    CONSTRAINT uq_tenants_invoice_prefix UNIQUE (invoice_prefix),
    CONSTRAINT ck_tenants_invoice_prefix CHECK (invoice_prefix ~ '^[A-Z][A-Z0-9]{1,7}$')
);

INSERT INTO tenants (id, slug, name, invoice_prefix)
VALUES (1, 'delta-mining-paraguay', 'Delta Mining Paraguay S.A.', 'DPY');
SELECT setval('tenants_id_seq', (SELECT max(id) FROM tenants));
--rollback DROP TABLE tenants;
