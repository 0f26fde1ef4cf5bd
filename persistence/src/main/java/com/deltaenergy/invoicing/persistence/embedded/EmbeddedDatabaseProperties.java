package com.deltaenergy.invoicing.persistence.embedded;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded PostgreSQL used when no {@code DATABASE_URL} is configured.
 *
 * @param dataDirectory where the cluster lives; it survives restarts
 * @param port TCP port on 127.0.0.1, 0 picks a free one
 * @param ephemeral start from an empty temporary directory and delete it on close (tests)
 */
@ConfigurationProperties("invoicing.database.embedded")
public record EmbeddedDatabaseProperties(
    @DefaultValue("./data/postgres") Path dataDirectory,
    @DefaultValue("0") int port,
    @DefaultValue("false") boolean ephemeral) {}
