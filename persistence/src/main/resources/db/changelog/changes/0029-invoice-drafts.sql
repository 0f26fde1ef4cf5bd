--liquibase formatted sql

--changeset invoicing:0029-invoice-drafts
-- A draft is an invoice row before any workflow exists: it has no number yet (numbers are handed
-- out when it is sent, so they stay gap-free and in issue order) and no workflow id. Once sent it
-- has both, for good.
ALTER TABLE invoices ALTER COLUMN invoice_number DROP NOT NULL;
ALTER TABLE invoices ALTER COLUMN workflow_id DROP NOT NULL;
-- The create request as the draft was written (and PATCHed since); validated again when sent.
ALTER TABLE invoices ADD COLUMN draft_request JSONB;
ALTER TABLE invoices ADD CONSTRAINT ck_invoices_draft_unnumbered CHECK (
    (invoice_number IS NULL) = (workflow_id IS NULL)
    AND (invoice_number IS NOT NULL OR (status = 'draft' AND deposit_address IS NULL)));
CREATE INDEX ix_invoices_tenant_drafts ON invoices (tenant_id, id) WHERE invoice_number IS NULL;
--rollback DROP INDEX ix_invoices_tenant_drafts; ALTER TABLE invoices DROP CONSTRAINT ck_invoices_draft_unnumbered; ALTER TABLE invoices DROP COLUMN draft_request;
