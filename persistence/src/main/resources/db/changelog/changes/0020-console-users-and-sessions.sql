--liquibase formatted sql

--changeset invoicing:0020-console-users
-- People who sign in to the operator console: one tenant each, a role with the meaning of an API
-- key's scope, a BCrypt hash of the password (never the password). Disabled users keep their row
-- so the audit trail's "console:<email>" still names someone.
CREATE TABLE console_users (
    id              BIGSERIAL     NOT NULL,
    tenant_id       BIGINT        NOT NULL,
    email           VARCHAR(320)  NOT NULL,
    password_hash   VARCHAR(100)  NOT NULL,
    role            VARCHAR(8)    NOT NULL,
    created_by      VARCHAR(255)  NOT NULL,
    created_at      TIMESTAMPTZ   NOT NULL DEFAULT now(),
    last_sign_in_at TIMESTAMPTZ,
    disabled_at     TIMESTAMPTZ,
    CONSTRAINT pk_console_users PRIMARY KEY (id),
    CONSTRAINT fk_console_users_tenant FOREIGN KEY (tenant_id) REFERENCES tenants (id),
    CONSTRAINT ck_console_users_role CHECK (role IN ('read', 'write', 'admin')),
    CONSTRAINT ck_console_users_email CHECK (email = lower(email) AND email LIKE '_%@_%')
);
-- An e-mail signs in to one account, whatever the tenant.
CREATE UNIQUE INDEX ux_console_users_email ON console_users (email);
CREATE INDEX ix_console_users_tenant ON console_users (tenant_id, id);
--rollback DROP TABLE console_users;

--changeset invoicing:0020-console-sign-in-failures
-- Failed sign-ins, for the lock-out (10 within 15 minutes per account and per address). Rows older
-- than the window are of no use and are deleted as new failures come in.
CREATE TABLE console_sign_in_failures (
    id            BIGSERIAL     NOT NULL,
    email         VARCHAR(320)  NOT NULL,
    remote_address VARCHAR(64)  NOT NULL,
    occurred_at   TIMESTAMPTZ   NOT NULL,
    CONSTRAINT pk_console_sign_in_failures PRIMARY KEY (id)
);
CREATE INDEX ix_console_sign_in_failures_email ON console_sign_in_failures (email, occurred_at);
CREATE INDEX ix_console_sign_in_failures_address ON console_sign_in_failures (remote_address, occurred_at);
CREATE INDEX ix_console_sign_in_failures_time ON console_sign_in_failures (occurred_at);
--rollback DROP TABLE console_sign_in_failures;

--changeset invoicing:0020-spring-session
-- Console sessions (Spring Session JDBC's own schema for PostgreSQL): every API process behind a
-- load balancer sees them, and a restart signs nobody out.
CREATE TABLE spring_session (
    primary_id            CHAR(36)      NOT NULL,
    session_id            CHAR(36)      NOT NULL,
    creation_time         BIGINT        NOT NULL,
    last_access_time      BIGINT        NOT NULL,
    max_inactive_interval INT           NOT NULL,
    expiry_time           BIGINT        NOT NULL,
    principal_name        VARCHAR(100),
    CONSTRAINT spring_session_pk PRIMARY KEY (primary_id)
);
CREATE UNIQUE INDEX spring_session_ix1 ON spring_session (session_id);
CREATE INDEX spring_session_ix2 ON spring_session (expiry_time);
CREATE INDEX spring_session_ix3 ON spring_session (principal_name);
CREATE TABLE spring_session_attributes (
    session_primary_id    CHAR(36)      NOT NULL,
    attribute_name        VARCHAR(200)  NOT NULL,
    attribute_bytes       BYTEA         NOT NULL,
    CONSTRAINT spring_session_attributes_pk PRIMARY KEY (session_primary_id, attribute_name),
    CONSTRAINT spring_session_attributes_fk FOREIGN KEY (session_primary_id)
        REFERENCES spring_session (primary_id) ON DELETE CASCADE
);
--rollback DROP TABLE spring_session_attributes; DROP TABLE spring_session;
