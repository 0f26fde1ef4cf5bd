package com.deltaenergy.invoicing.api.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Two worlds in one process. The console's pages sign people in with a form, keep the session in
 * PostgreSQL and protect every form with a CSRF token; everything else — the REST API (whose API
 * keys {@code ApiKeyAuthenticationFilter} checks before Spring Security runs), health, the OpenAPI
 * document, the sandbox exchange and the public pay page — passes through a stateless chain that
 * adds nothing and so behaves exactly as without Spring Security.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableConfigurationProperties(ConsoleProperties.class)
class ConsoleSecurityConfiguration {

  /** No inline script or style anywhere; htmx's own inline indicator style is switched off. */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self';"
          + " connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

  /** The console's paths; anything else is not the console's business. */
  static final RequestMatcher CONSOLE =
      new OrRequestMatcher(
          AntPathRequestMatcher.antMatcher("/"),
          AntPathRequestMatcher.antMatcher("/login"),
          AntPathRequestMatcher.antMatcher("/logout"),
          AntPathRequestMatcher.antMatcher("/invoices"),
          AntPathRequestMatcher.antMatcher("/invoices/**"),
          AntPathRequestMatcher.antMatcher("/clients"),
          AntPathRequestMatcher.antMatcher("/clients/**"),
          AntPathRequestMatcher.antMatcher("/settings"),
          AntPathRequestMatcher.antMatcher("/settings/**"),
          AntPathRequestMatcher.antMatcher("/assets/**"),
          AntPathRequestMatcher.antMatcher("/webjars/**"));

  @Bean
  @Order(1)
  SecurityFilterChain console(HttpSecurity http, ConsoleSignIn signIn, ConsoleCallerFilter callers) throws Exception {
    http.securityMatcher(CONSOLE)
        .authenticationProvider(signIn)
        .authorizeHttpRequests(requests -> requests
            // an error page rendered for a request that was already let in (or refused)
            .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
            .requestMatchers("/login", "/assets/**", "/webjars/**").permitAll()
            .requestMatchers("/settings", "/settings/**").hasRole("ADMIN")
            .requestMatchers("/invoices/new", "/invoices/new/**", "/invoices/drafts/*/edit").hasRole("WRITE")
            .requestMatchers(HttpMethod.GET, "/**").hasRole("READ")
            .requestMatchers(HttpMethod.HEAD, "/**").hasRole("READ")
            .anyRequest().hasRole("WRITE"))
        .formLogin(form -> form
            .loginPage("/login")
            .usernameParameter("email")
            .passwordParameter("password")
            .defaultSuccessUrl("/", false)
            .failureUrl("/login?error"))
        .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signed-out"))
        .sessionManagement(sessions -> sessions.sessionFixation(fixation -> fixation.changeSessionId()))
        .headers(headers -> headers
            .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
            .frameOptions(frame -> frame.deny())
            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
        .addFilterAfter(callers, AuthorizationFilter.class);
    return http.build();
  }

  /** The rest: no session, no CSRF (API keys are not ambient credentials), no added headers. */
  @Bean
  @Order(2)
  SecurityFilterChain everythingElse(HttpSecurity http) throws Exception {
    http.securityMatcher(new NegatedRequestMatcher(CONSOLE))
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .csrf(csrf -> csrf.disable())
        .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(cache -> cache.disable())
        .securityContext(context -> context.disable())
        .anonymous(anonymous -> anonymous.disable())
        .headers(headers -> headers.disable());
    return http.build();
  }

  /** The caller filter belongs to the console chain only; Boot would otherwise add it to every request. */
  @Bean
  FilterRegistrationBean<ConsoleCallerFilter> consoleCallerFilterOnlyInTheChain(ConsoleCallerFilter filter) {
    FilterRegistrationBean<ConsoleCallerFilter> registration = new FilterRegistrationBean<>(filter);
    registration.setEnabled(false);
    return registration;
  }

  @Bean
  static RoleHierarchy consoleRoles() {
    return RoleHierarchyImpl.fromHierarchy("ROLE_ADMIN > ROLE_WRITE\nROLE_WRITE > ROLE_READ");
  }

  @Bean
  PasswordEncoder consolePasswordEncoder() {
    return new BCryptPasswordEncoder();
  }

  /** A request Spring Security's firewall refuses is a 400 problem like any other bad request. */
  @Bean
  RequestRejectedHandler problemForRejectedRequests(ObjectMapper json) {
    return (request, response, rejected) -> {
      ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "the request URL is not acceptable");
      problem.setTitle("Bad Request");
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      json.writeValue(response.getOutputStream(), problem);
    };
  }
}
