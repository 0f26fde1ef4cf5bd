--liquibase formatted sql

--changeset invoicing:0008-notifications
-- Every notification intent, recorded before it is sent. The idempotency key (invoice, event,
-- detail, channel, recipient) is unique: an event told twice is recorded once, and a row marked
-- sent is never sent again. The content is rendered when recorded, so it describes the invoice as
-- it was when the event happened; the Message-ID is fixed then too.
CREATE TABLE notifications (
    id                BIGSERIAL    NOT NULL,
    tenant_id         BIGINT       NOT NULL,
    invoice_id        BIGINT,
    idempotency_key   VARCHAR(512) NOT NULL,
    event             VARCHAR(64)  NOT NULL,
    detail            VARCHAR(200) NOT NULL DEFAULT '',
    channel           VARCHAR(16)  NOT NULL,
    recipient         VARCHAR(512) NOT NULL,
    delivered_by      VARCHAR(16)  NOT NULL,
    subject           VARCHAR(500) NOT NULL,
    body_text         TEXT         NOT NULL,
    body_html         TEXT,
    payload           TEXT,
    attachment        VARCHAR(16),
    message_id        VARCHAR(255) NOT NULL,
    status            VARCHAR(16)  NOT NULL,
    attempts          INTEGER      NOT NULL DEFAULT 0,
    last_error        TEXT,
    lease_until       TIMESTAMPTZ,
    next_attempt_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    created_at        TIMESTAMPTZ  NOT NULL DEFAULT now(),
    sent_at           TIMESTAMPTZ,
    CONSTRAINT pk_notifications PRIMARY KEY (id),
    CONSTRAINT fk_notifications_tenant FOREIGN KEY (tenant_id) REFERENCES tenants (id),
    CONSTRAINT fk_notifications_invoice FOREIGN KEY (invoice_id) REFERENCES invoices (id),
    CONSTRAINT uq_notifications_idempotency_key UNIQUE (idempotency_key),
    CONSTRAINT uq_notifications_message_id UNIQUE (message_id),
    CONSTRAINT ck_notifications_channel CHECK (channel IN ('email', 'webhook')),
    CONSTRAINT ck_notifications_status CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
    CONSTRAINT ck_notifications_delivered_by CHECK (delivered_by IN ('workflow', 'sweep')),
    CONSTRAINT ck_notifications_attachment CHECK (attachment IS NULL OR attachment IN ('invoice', 'receipt'))
);
CREATE INDEX ix_notifications_invoice ON notifications (invoice_id, created_at);
CREATE INDEX ix_notifications_due ON notifications (status, delivered_by, next_attempt_at);
--rollback DROP TABLE notifications;
