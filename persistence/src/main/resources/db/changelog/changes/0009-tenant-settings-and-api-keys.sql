--liquibase formatted sql

--changeset invoicing:0009-tenant-settings
-- Each tenant's own settings. NULL means "the process default" (the environment), which is how
-- the default tenant works with no setup. Secret columns hold AES-GCM ciphertext
-- ("enc:v1:<key id>:<base64>"), never plaintext.
ALTER TABLE tenants
    ADD COLUMN issuer_address        TEXT,
    ADD COLUMN issuer_tax_id         VARCHAR(64),
    ADD COLUMN issuer_email          VARCHAR(320),
    ADD COLUMN logo_path             TEXT,
    ADD COLUMN brand_color           VARCHAR(7),
    ADD COLUMN mexc_api_key          VARCHAR(128),
    ADD COLUMN mexc_api_secret_enc   TEXT,
    ADD COLUMN smtp_host             VARCHAR(255),
    ADD COLUMN smtp_port             INTEGER,
    ADD COLUMN smtp_username         VARCHAR(255),
    ADD COLUMN smtp_password_enc     TEXT,
    ADD COLUMN smtp_from             VARCHAR(320),
    ADD COLUMN smtp_starttls         BOOLEAN,
    ADD COLUMN smtp_ssl              BOOLEAN,
    ADD COLUMN operations_emails     TEXT,
    ADD COLUMN webhook_urls          TEXT,
    ADD COLUMN webhook_secret_enc    TEXT,
    ADD COLUMN dunning_offsets_days  VARCHAR(64),
    ADD COLUMN updated_at            TIMESTAMPTZ NOT NULL DEFAULT now(),
    ADD CONSTRAINT ck_tenants_brand_color CHECK (brand_color IS NULL OR brand_color ~ '^#[0-9A-Fa-f]{6}$'),
    ADD CONSTRAINT ck_tenants_smtp_port CHECK (smtp_port IS NULL OR smtp_port BETWEEN 1 AND 65535),
    ADD CONSTRAINT ck_tenants_secrets_encrypted CHECK (
        (mexc_api_secret_enc IS NULL OR mexc_api_secret_enc LIKE 'enc:%')
        AND (smtp_password_enc IS NULL OR smtp_password_enc LIKE 'enc:%')
        AND (webhook_secret_enc IS NULL OR webhook_secret_enc LIKE 'enc:%'));
--rollback ALTER TABLE tenants DROP COLUMN issuer_address, DROP COLUMN issuer_tax_id, DROP COLUMN issuer_email, DROP COLUMN logo_path, DROP COLUMN brand_color, DROP COLUMN mexc_api_key, DROP COLUMN mexc_api_secret_enc, DROP COLUMN smtp_host, DROP COLUMN smtp_port, DROP COLUMN smtp_username, DROP COLUMN smtp_password_enc, DROP COLUMN smtp_from, DROP COLUMN smtp_starttls, DROP COLUMN smtp_ssl, DROP COLUMN operations_emails, DROP COLUMN webhook_urls, DROP COLUMN webhook_secret_enc, DROP COLUMN dunning_offsets_days, DROP COLUMN updated_at;

--changeset invoicing:0009-api-keys
-- API keys: only a SHA-256 of the key is kept (keys are 256-bit random, so a fast hash is enough;
-- no password-style stretching is needed). The prefix identifies a key in lists and logs.
CREATE TABLE api_keys (
    id            BIGSERIAL     NOT NULL,
    tenant_id     BIGINT        NOT NULL,
    name          VARCHAR(100)  NOT NULL,
    key_prefix    VARCHAR(16)   NOT NULL,
    key_hash      CHAR(64)      NOT NULL,
    scope         VARCHAR(10)   NOT NULL,
    created_by    VARCHAR(200)  NOT NULL,
    created_at    TIMESTAMPTZ   NOT NULL DEFAULT now(),
    last_used_at  TIMESTAMPTZ,
    revoked_at    TIMESTAMPTZ,
    CONSTRAINT pk_api_keys PRIMARY KEY (id),
    CONSTRAINT fk_api_keys_tenant FOREIGN KEY (tenant_id) REFERENCES tenants (id),
    CONSTRAINT uq_api_keys_hash UNIQUE (key_hash),
    CONSTRAINT ck_api_keys_scope CHECK (scope IN ('read', 'write', 'admin'))
);
CREATE INDEX ix_api_keys_tenant ON api_keys (tenant_id, created_at);
--rollback DROP TABLE api_keys;

--changeset invoicing:0009-tenant-id-everywhere splitStatements:false
-- Every table holding tenant data carries tenant_id. These three are children of an invoice; a
-- trigger fills tenant_id from the invoice when the writer does not give it, so it can never
-- disagree with the invoice's.
CREATE FUNCTION fill_tenant_id_from_invoice() RETURNS trigger AS $$
DECLARE
    owner BIGINT;
BEGIN
    SELECT tenant_id INTO owner FROM invoices WHERE id = NEW.invoice_id;
    IF NEW.tenant_id IS NULL THEN
        NEW.tenant_id := owner;
    ELSIF NEW.tenant_id <> owner THEN
        RAISE EXCEPTION 'tenant_id % does not own invoice %', NEW.tenant_id, NEW.invoice_id;
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

ALTER TABLE invoice_line_items ADD COLUMN tenant_id BIGINT;
UPDATE invoice_line_items l SET tenant_id = i.tenant_id FROM invoices i WHERE i.id = l.invoice_id;
ALTER TABLE invoice_line_items ALTER COLUMN tenant_id SET NOT NULL,
    ADD CONSTRAINT fk_invoice_line_items_tenant FOREIGN KEY (tenant_id) REFERENCES tenants (id);
CREATE TRIGGER tg_invoice_line_items_tenant BEFORE INSERT OR UPDATE ON invoice_line_items
    FOR EACH ROW EXECUTE FUNCTION fill_tenant_id_from_invoice();

ALTER TABLE crypto_invoice_cfo_sync ADD COLUMN tenant_id BIGINT;
UPDATE crypto_invoice_cfo_sync s SET tenant_id = i.tenant_id FROM invoices i WHERE i.id = s.invoice_id;
ALTER TABLE crypto_invoice_cfo_sync ALTER COLUMN tenant_id SET NOT NULL,
    ADD CONSTRAINT fk_crypto_invoice_cfo_sync_tenant FOREIGN KEY (tenant_id) REFERENCES tenants (id);
CREATE INDEX ix_crypto_invoice_cfo_sync_tenant ON crypto_invoice_cfo_sync (tenant_id, sync_status);
CREATE TRIGGER tg_crypto_invoice_cfo_sync_tenant BEFORE INSERT OR UPDATE ON crypto_invoice_cfo_sync
    FOR EACH ROW EXECUTE FUNCTION fill_tenant_id_from_invoice();

ALTER TABLE crypto_cfo_sync_log ADD COLUMN tenant_id BIGINT;
UPDATE crypto_cfo_sync_log s SET tenant_id = i.tenant_id FROM invoices i WHERE i.id = s.invoice_id;
ALTER TABLE crypto_cfo_sync_log ALTER COLUMN tenant_id SET NOT NULL,
    ADD CONSTRAINT fk_crypto_cfo_sync_log_tenant FOREIGN KEY (tenant_id) REFERENCES tenants (id);
CREATE TRIGGER tg_crypto_cfo_sync_log_tenant BEFORE INSERT OR UPDATE ON crypto_cfo_sync_log
    FOR EACH ROW EXECUTE FUNCTION fill_tenant_id_from_invoice();
--rollback DROP TRIGGER tg_crypto_cfo_sync_log_tenant ON crypto_cfo_sync_log; ALTER TABLE crypto_cfo_sync_log DROP COLUMN tenant_id; DROP TRIGGER tg_crypto_invoice_cfo_sync_tenant ON crypto_invoice_cfo_sync; ALTER TABLE crypto_invoice_cfo_sync DROP COLUMN tenant_id; DROP TRIGGER tg_invoice_line_items_tenant ON invoice_line_items; ALTER TABLE invoice_line_items DROP COLUMN tenant_id; DROP FUNCTION fill_tenant_id_from_invoice();
