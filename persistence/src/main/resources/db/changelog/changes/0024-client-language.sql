--liquibase formatted sql

--changeset invoicing:0024-client-language
-- The language a client reads its e-mails, PDFs and pay page in.
ALTER TABLE clients
    ADD COLUMN language VARCHAR(2) NOT NULL DEFAULT 'en',
    ADD CONSTRAINT ck_clients_language CHECK (language IN ('en', 'es', 'pt'));
--rollback ALTER TABLE clients DROP CONSTRAINT ck_clients_language, DROP COLUMN language;
