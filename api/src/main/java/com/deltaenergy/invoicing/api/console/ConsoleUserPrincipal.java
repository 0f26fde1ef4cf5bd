package com.deltaenergy.invoicing.api.console;

import com.deltaenergy.invoicing.persistence.apikey.ApiScope;
import com.deltaenergy.invoicing.persistence.console.ConsoleUser;
import java.io.Serializable;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** The signed-in console user, as kept in the (PostgreSQL) session: no password, nothing secret. */
public record ConsoleUserPrincipal(long id, long tenantId, String email, ApiScope role) implements Serializable {

  static ConsoleUserPrincipal of(ConsoleUser user) {
    return new ConsoleUserPrincipal(user.id(), user.tenantId(), user.email(), user.role());
  }

  /** One authority per role; the role hierarchy (admin > write > read) adds the lower ones. */
  List<GrantedAuthority> authorities() {
    return List.of(new SimpleGrantedAuthority("ROLE_" + role.name()));
  }

  public boolean mayWrite() {
    return role.includes(ApiScope.WRITE);
  }

  public boolean isAdmin() {
    return role.includes(ApiScope.ADMIN);
  }

  @Override
  public String toString() {
    return email;
  }
}
