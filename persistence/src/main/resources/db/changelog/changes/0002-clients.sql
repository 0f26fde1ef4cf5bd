--liquibase formatted sql

--changeset invoicing:0002-clients
CREATE TABLE clients (
    id              BIGSERIAL    NOT NULL,
    tenant_id       BIGINT       NOT NULL,
    name            VARCHAR(200) NOT NULL,
    contact_email   VARCHAR(320),
    address         TEXT,
    tax_id          VARCHAR(64),
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT pk_clients PRIMARY KEY (id),
    CONSTRAINT fk_clients_tenant FOREIGN KEY (tenant_id) REFERENCES tenants (id),
    CONSTRAINT uq_clients_tenant_name UNIQUE (tenant_id, name)
);

-- The seed system's default clients.
INSERT INTO clients (tenant_id, name) VALUES
    (1, 'Alps Blockchain'),
    (1, 'Exos Capital'),
    (1, 'GM Data Centers'),
    (1, 'Other');
--rollback DROP TABLE clients;
