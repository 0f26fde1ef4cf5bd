--liquibase formatted sql

--changeset invoicing:0006-invoice-documents
-- Where the rendered PDFs are and what they hash to: the invoice as issued, and the PAID copy.
ALTER TABLE invoices
    ADD COLUMN pdf_path        VARCHAR(512),
    ADD COLUMN pdf_sha256      CHAR(64),
    ADD COLUMN pdf_rendered_at TIMESTAMPTZ,
    ADD COLUMN receipt_path    VARCHAR(512),
    ADD COLUMN receipt_sha256  CHAR(64);
--rollback ALTER TABLE invoices DROP COLUMN receipt_sha256, DROP COLUMN receipt_path, DROP COLUMN pdf_rendered_at, DROP COLUMN pdf_sha256, DROP COLUMN pdf_path;
