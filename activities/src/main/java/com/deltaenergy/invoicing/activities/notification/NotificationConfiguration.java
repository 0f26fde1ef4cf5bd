package com.deltaenergy.invoicing.activities.notification;

import com.deltaenergy.invoicing.activities.tenant.NotificationSettings;
import java.net.InetAddress;
import java.util.Properties;
import okhttp3.OkHttpClient;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotificationSettings.class)
class NotificationConfiguration {

  @Bean
  JavaMailSender notificationMailSender(NotificationSettings settings) {
    return mailSender(settings.smtp());
  }

  /** A client for one SMTP server: the environment's, or a tenant's own. */
  static JavaMailSender mailSender(NotificationSettings.Smtp smtp) {
    JavaMailSenderImpl sender = new JavaMailSenderImpl();
    sender.setHost(smtp.host());
    sender.setPort(smtp.port());
    sender.setDefaultEncoding("UTF-8");
    Properties properties = sender.getJavaMailProperties();
    if (!smtp.username().isBlank()) {
      sender.setUsername(smtp.username());
      sender.setPassword(smtp.password());
      properties.put("mail.smtp.auth", "true");
    }
    properties.put("mail.smtp.starttls.enable", String.valueOf(smtp.starttls()));
    properties.put("mail.smtp.starttls.required", String.valueOf(smtp.starttls()));
    properties.put("mail.smtp.ssl.enable", String.valueOf(smtp.ssl()));
    properties.put("mail.smtp.connectiontimeout", String.valueOf(smtp.connectTimeout().toMillis()));
    properties.put("mail.smtp.timeout", String.valueOf(smtp.timeout().toMillis()));
    properties.put("mail.smtp.writetimeout", String.valueOf(smtp.timeout().toMillis()));
    return sender;
  }

  /**
   * A client for a tenant's own SMTP server, connecting to the address that was checked and to no
   * other: no fallback to a plain socket connected by name.
   */
  static JavaMailSender mailSender(NotificationSettings.Smtp smtp, InetAddress checked) {
    JavaMailSenderImpl sender = (JavaMailSenderImpl) mailSender(smtp);
    Properties properties = sender.getJavaMailProperties();
    properties.put("mail.smtp.socketFactory", new PinnedSocketFactory(checked));
    properties.put("mail.smtp.socketFactory.fallback", "false");
    return sender;
  }

  /**
   * Webhooks: a receiver gets at most 10 s to connect and to answer, and no redirect is followed
   * (a redirect could point anywhere, past the check of the URL's host).
   */
  @Bean
  OkHttpClient webhookHttpClient() {
    return new OkHttpClient.Builder()
        .connectTimeout(java.time.Duration.ofSeconds(5))
        .readTimeout(java.time.Duration.ofSeconds(10))
        .writeTimeout(java.time.Duration.ofSeconds(10))
        .callTimeout(java.time.Duration.ofSeconds(10))
        .followRedirects(false)
        .followSslRedirects(false)
        .build();
  }
}
