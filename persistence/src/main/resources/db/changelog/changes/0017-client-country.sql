--liquibase formatted sql

--changeset invoicing:0017-client-country
-- The client's country (ISO 3166-1 alpha-2): which tax ID format its tax_id is checked against.
ALTER TABLE clients
    ADD COLUMN country VARCHAR(2),
    ADD CONSTRAINT ck_clients_country CHECK (country ~ '^[A-Z]{2}$');
--rollback ALTER TABLE clients DROP CONSTRAINT ck_clients_country, DROP COLUMN country;
