package com.deltaenergy.invoicing.app.embedded;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Unless SMTP_HOST names a real mail server, the embedded default runs GreenMail in-process: real
 * SMTP, on 127.0.0.1, which accepts every message and keeps none ({@link AcceptAndForgetMailbox}):
 * the sender writes each one under ./data/outbox as an .eml file.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${SMTP_HOST:}'.isBlank()")
public class EmbeddedMailConfiguration {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedMailConfiguration.class);

  @Bean(initMethod = "start", destroyMethod = "stop")
  GreenMail embeddedMailServer(Environment environment) {
    int port = environment.getProperty("invoicing.notifications.smtp.port", Integer.class, 3025);
    GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    server.getUserManager()
        .setMessageDeliveryHandler((message, recipient) -> new AcceptAndForgetMailbox(recipient.getEmail()));
    log.info("Embedded SMTP server on 127.0.0.1:{}; copies of sent mail go to {}", port,
        environment.getProperty("invoicing.notifications.outbox-directory"));
    return server;
  }
}
