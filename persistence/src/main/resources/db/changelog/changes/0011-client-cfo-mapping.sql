--liquibase formatted sql

--changeset invoicing:0011-client-cfo-mapping
-- A client's own CFO ledger classification: the entity and business unit its revenue is booked
-- under. Both or neither; when set they take precedence over the configured name-based table
-- (invoicing.cfo.mapping.clients), which remains the fallback.
ALTER TABLE clients
    ADD COLUMN cfo_entity         VARCHAR(255),
    ADD COLUMN cfo_business_unit  VARCHAR(255),
    ADD CONSTRAINT ck_clients_cfo_mapping CHECK ((cfo_entity IS NULL) = (cfo_business_unit IS NULL));
--rollback ALTER TABLE clients DROP CONSTRAINT ck_clients_cfo_mapping, DROP COLUMN cfo_entity, DROP COLUMN cfo_business_unit;
