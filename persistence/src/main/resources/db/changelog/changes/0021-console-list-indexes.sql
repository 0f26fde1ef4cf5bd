--liquibase formatted sql

--changeset invoicing:0021-console-list-indexes
-- The console's invoice list filters by date and client, sorts by any column and searches by
-- number prefix, deposit address and transaction hash; its dashboard reads the latest events.
CREATE INDEX ix_invoices_tenant_issue_date ON invoices (tenant_id, issue_date, id);
CREATE INDEX ix_invoices_tenant_due_date ON invoices (tenant_id, due_date, id);
CREATE INDEX ix_invoices_tenant_client ON invoices (tenant_id, client_id, id);
CREATE INDEX ix_invoices_number_prefix ON invoices (upper(invoice_number) text_pattern_ops);
CREATE INDEX ix_invoices_deposit_address ON invoices (deposit_address);
CREATE INDEX ix_payment_transactions_tx_hash ON payment_transactions (tx_hash);
CREATE INDEX ix_payment_transactions_tenant_seen ON payment_transactions (tenant_id, first_seen_at);
CREATE INDEX ix_invoice_audit_tenant_time ON invoice_audit (tenant_id, occurred_at);
CREATE INDEX ix_notifications_tenant_sent ON notifications (tenant_id, sent_at);
--rollback DROP INDEX ix_invoices_tenant_issue_date, ix_invoices_tenant_due_date, ix_invoices_tenant_client, ix_invoices_number_prefix, ix_invoices_deposit_address, ix_payment_transactions_tx_hash, ix_payment_transactions_tenant_seen, ix_invoice_audit_tenant_time, ix_notifications_tenant_sent;
