--liquibase formatted sql

--changeset invoicing:0027-shared-deposit-addresses
-- Binance gives one deposit address per coin and network on an account, so invoices issued there
-- share it and are told apart by amount (docs/SHARED_ADDRESSES.md). An address of its own still
-- serves one invoice only; on a shared address no two open invoices ask for the same amount.
ALTER TABLE invoices ADD COLUMN shared_address BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE invoices DROP CONSTRAINT uq_invoices_network_deposit_address;
CREATE UNIQUE INDEX uq_invoices_network_own_address ON invoices (crypto_network, deposit_address)
    WHERE NOT shared_address;
CREATE UNIQUE INDEX uq_invoices_shared_address_open_amount ON invoices (crypto_network, deposit_address, crypto_amount)
    WHERE shared_address AND crypto_amount IS NOT NULL AND status NOT IN ('complete', 'cancelled');
-- Look-ups by address alone use ix_invoices_deposit_address (0021).
--rollback DROP INDEX uq_invoices_shared_address_open_amount; DROP INDEX uq_invoices_network_own_address; ALTER TABLE invoices ADD CONSTRAINT uq_invoices_network_deposit_address UNIQUE (crypto_network, deposit_address); ALTER TABLE invoices DROP COLUMN shared_address;
