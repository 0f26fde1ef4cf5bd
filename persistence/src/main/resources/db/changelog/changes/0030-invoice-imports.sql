--liquibase formatted sql

--changeset invoicing:0030-invoice-external-reference
-- The caller's own key for an invoice (a CSV row's external_reference): one invoice per key and
-- tenant, so uploading the same file again creates nothing twice.
ALTER TABLE invoices ADD COLUMN external_reference VARCHAR(200);
ALTER TABLE invoices ADD CONSTRAINT uq_invoices_tenant_external_reference UNIQUE (tenant_id, external_reference);
--rollback ALTER TABLE invoices DROP CONSTRAINT uq_invoices_tenant_external_reference; ALTER TABLE invoices DROP COLUMN external_reference;

--changeset invoicing:0030-invoice-imports
-- A CSV import: validated when uploaded, then worked through page by page by its workflow.
CREATE TABLE invoice_imports (
    id             BIGSERIAL    NOT NULL,
    tenant_id      BIGINT       NOT NULL,
    mode           VARCHAR(8)   NOT NULL,
    validate_only  BOOLEAN      NOT NULL,
    status         VARCHAR(16)  NOT NULL,
    total_rows     INTEGER      NOT NULL DEFAULT 0,
    valid_rows     INTEGER      NOT NULL DEFAULT 0,
    invalid_rows   INTEGER      NOT NULL DEFAULT 0,
    workflow_id    VARCHAR(128),
    created_at     TIMESTAMPTZ  NOT NULL DEFAULT now(),
    finished_at    TIMESTAMPTZ,
    CONSTRAINT pk_invoice_imports PRIMARY KEY (id),
    CONSTRAINT fk_invoice_imports_tenant FOREIGN KEY (tenant_id) REFERENCES tenants (id),
    CONSTRAINT ck_invoice_imports_mode CHECK (mode IN ('draft', 'send')),
    CONSTRAINT ck_invoice_imports_status CHECK (status IN ('validating', 'validated', 'importing', 'completed'))
);
CREATE INDEX ix_invoice_imports_tenant ON invoice_imports (tenant_id, id);

-- One row of an import's file: its validated invoice (or why it is invalid) and what became of it.
CREATE TABLE invoice_import_rows (
    import_id           BIGINT        NOT NULL,
    row_number          INTEGER       NOT NULL,
    external_reference  VARCHAR(200),
    status              VARCHAR(16)   NOT NULL,
    invoice             JSONB,
    request             JSONB,
    errors              JSONB,
    invoice_id          BIGINT,
    error               TEXT,
    CONSTRAINT pk_invoice_import_rows PRIMARY KEY (import_id, row_number),
    CONSTRAINT fk_invoice_import_rows_import FOREIGN KEY (import_id) REFERENCES invoice_imports (id) ON DELETE CASCADE,
    CONSTRAINT fk_invoice_import_rows_invoice FOREIGN KEY (invoice_id) REFERENCES invoices (id) ON DELETE SET NULL,
    CONSTRAINT ck_invoice_import_rows_status CHECK (status IN ('invalid', 'pending', 'created', 'existing', 'failed'))
);
--rollback DROP TABLE invoice_import_rows; DROP TABLE invoice_imports;
