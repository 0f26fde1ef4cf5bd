package com.deltaenergy.invoicing.api.console;

import com.deltaenergy.invoicing.api.admin.ApiKeyController.CreateApiKeyRequest;
import com.deltaenergy.invoicing.api.admin.TenantController;
import com.deltaenergy.invoicing.api.admin.TenantRequest;
import com.deltaenergy.invoicing.api.problem.InvalidRequestException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import com.deltaenergy.invoicing.api.tenant.CurrentOperator;
import com.deltaenergy.invoicing.api.tenant.CurrentTenant;
import com.deltaenergy.invoicing.persistence.apikey.ApiKeyRepository;
import com.deltaenergy.invoicing.persistence.apikey.ApiScope;
import com.deltaenergy.invoicing.persistence.apikey.IssuedApiKey;
import com.deltaenergy.invoicing.persistence.console.ConsoleUserRepository;
import jakarta.validation.Validator;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import com.deltaenergy.invoicing.api.admin.TenantLogoController;
import java.io.IOException;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import com.deltaenergy.invoicing.api.problem.FieldProblem;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import java.io.InputStream;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The tenant's settings (admins only, enforced by the security chain): its issuer and delivery
 * settings as recorded, its API keys (a new key is shown once) and its console users.
 */
@Controller
class SettingsController {

  static final int MIN_PASSWORD_LENGTH = 12;

  private final com.deltaenergy.invoicing.persistence.tenant.TenantRepository tenants;
  private final ApiKeyRepository keys;
  private final ConsoleUserRepository users;
  private final PasswordEncoder passwords;
  private final CurrentTenant tenant;
  private final CurrentOperator operator;
  private final Validator validator;
  private final Clock clock;
  private final TenantController tenantSettings;
  private final TenantLogoController logos;

  SettingsController(
      TenantController tenantSettings,
      TenantLogoController logos,
      com.deltaenergy.invoicing.persistence.tenant.TenantRepository tenants,
      ApiKeyRepository keys,
      ConsoleUserRepository users,
      PasswordEncoder passwords,
      CurrentTenant tenant,
      CurrentOperator operator,
      Validator validator,
      Clock clock) {
    this.tenantSettings = tenantSettings;
    this.logos = logos;
    this.tenants = tenants;
    this.keys = keys;
    this.users = users;
    this.passwords = passwords;
    this.tenant = tenant;
    this.operator = operator;
    this.validator = validator;
    this.clock = clock;
  }

  @GetMapping("/settings")
  String settings(Model model) {
    long tenantId = tenant.id();
    model.addAttribute("tenant", tenants.findById(tenantId).orElseThrow());
    model.addAttribute("keys", keys.findAll(tenantId));
    model.addAttribute("users", users.findAll(tenantId));
    model.addAttribute("section", "settings");
    if (!model.containsAttribute("errors")) {
      model.addAttribute("errors", Map.of());
    }
    if (!model.containsAttribute("entered")) {
      model.addAttribute("entered", null);
    }
    return "console/settings";
  }

  /**
   * The tenant's settings, through the REST API's own {@code PUT /api/admin/tenant} (same
   * validation, same checks, same encryption of secrets). An empty field resets to the
   * environment's default; an empty secret field leaves the secret as it is.
   */
  @PostMapping("/settings/tenant")
  String updateTenant(@RequestParam Map<String, String> form, RedirectAttributes flash) {
    Map<String, String> errors = new LinkedHashMap<>();
    Integer port = null;
    String portText = form.getOrDefault("smtp_port", "").strip();
    if (!portText.isEmpty()) {
      try {
        port = Integer.valueOf(portText);
      } catch (NumberFormatException e) {
        errors.put("smtp_port", "must be a port (1-65535)");
      }
    } else {
      port = 0;
    }
    List<Integer> offsets = new ArrayList<>();
    for (String part : list(form.get("dunning_offsets_days"))) {
      try {
        offsets.add(Integer.valueOf(part));
      } catch (NumberFormatException e) {
        errors.put("dunning_offsets_days", "must be whole numbers of days, separated by commas");
      }
    }
    TenantRequest request = new TenantRequest(
        null, null, text(form, "issuer_address"), text(form, "issuer_tax_id"), text(form, "issuer_email"), null, null,
        text(form, "mexc_api_key"), secret(form, "mexc_api_secret"), text(form, "smtp_host"), port,
        text(form, "smtp_username"), secret(form, "smtp_password"), text(form, "smtp_from"), null, null,
        list(form.get("operations_emails")), list(form.get("webhook_urls")), secret(form, "webhook_secret"), offsets);
    validator.validate(request).forEach(v -> errors.putIfAbsent(
        NewInvoiceController.snake(v.getPropertyPath().toString()).replaceAll("\\[.*", "").replaceAll("\\.<.*", ""),
        v.getMessage()));
    if (errors.isEmpty()) {
      try {
        tenantSettings.updateOwn(request);
        flash.addFlashAttribute("done", "Settings saved.");
        return "redirect:/settings";
      } catch (InvalidRequestException invalid) {
        invalid.problems().forEach(p -> errors.putIfAbsent(p.field() == null ? "tenant" : p.field(), p.message()));
      }
    }
    flash.addFlashAttribute("errors", errors);
    flash.addFlashAttribute("entered", form);
    return "redirect:/settings";
  }

  /** The logo as stored (re-encoded on upload), for the settings page's preview. */
  @GetMapping("/settings/logo")
  ResponseEntity<byte[]> logo() {
    return tenants.logo(tenant.id())
        .map(logo -> ResponseEntity.ok()
            .contentType(MediaType.parseMediaType(logo.mediaType()))
            .cacheControl(CacheControl.noStore())
            .header("X-Content-Type-Options", "nosniff")
            .body(logo.image()))
        .orElseGet(() -> ResponseEntity.notFound().build());
  }

  /** Through {@code PUT /api/admin/tenant/logo}'s own code: the same checks and re-encoding. */
  @PostMapping(path = "/settings/logo", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  String uploadLogo(HttpServletRequest request, RedirectAttributes flash) {
    try {
      logos.upload(uploaded(request));
      flash.addFlashAttribute("done", "Logo saved.");
    } catch (InvalidRequestException invalid) {
      flash.addFlashAttribute("errors", Map.of("logo", invalid.problems().stream()
          .map(FieldProblem::message).findFirst().orElse("is not a usable image")));
    }
    return "redirect:/settings#logo";
  }

  /** The file of the form's "logo" field; empty when none was chosen. */
  private static byte[] uploaded(HttpServletRequest request) {
    try {
      Part part = request.getPart("logo");
      if (part == null || part.getSize() == 0) {
        return new byte[0];
      }
      try (InputStream in = part.getInputStream()) {
        return in.readAllBytes();
      }
    } catch (IllegalStateException tooLarge) {
      throw new InvalidRequestException("logo", "must be at most 512 KB");
    } catch (IOException | ServletException unreadable) {
      throw new InvalidRequestException("logo", "could not be read: send the form again");
    }
  }

  /** Through {@code DELETE /api/admin/tenant/logo}'s own code. */
  @PostMapping("/settings/logo/delete")
  String deleteLogo(RedirectAttributes flash) {
    logos.delete();
    flash.addFlashAttribute("done", "Logo removed.");
    return "redirect:/settings#logo";
  }

  private static String text(Map<String, String> form, String name) {
    String value = form.get(name);
    return value == null ? null : value.strip();
  }

  private static String secret(Map<String, String> form, String name) {
    String value = form.get(name);
    return value == null || value.isBlank() ? null : value;
  }

  private static List<String> list(String value) {
    if (value == null || value.isBlank()) {
      return List.of();
    }
    return Arrays.stream(value.split("[,\\s]+")).map(String::strip).filter(v -> !v.isEmpty()).toList();
  }

  @PostMapping("/settings/api-keys")
  String createKey(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String scope,
      RedirectAttributes flash) {
    CreateApiKeyRequest request = new CreateApiKeyRequest(name.isBlank() ? null : name, scope.isBlank() ? null : scope, null);
    Map<String, String> errors = new LinkedHashMap<>();
    validator.validate(request).forEach(v -> errors.putIfAbsent("key_" + v.getPropertyPath(), v.getMessage()));
    if (!errors.isEmpty()) {
      flash.addFlashAttribute("errors", errors);
      return "redirect:/settings";
    }
    IssuedApiKey issued = keys.issue(tenant.id(), name.strip(), ApiScope.fromWire(scope), operator.name());
    flash.addFlashAttribute("newKey", issued.plaintext());
    return "redirect:/settings";
  }

  @PostMapping("/settings/api-keys/{id}/revoke")
  String revokeKey(@PathVariable long id, RedirectAttributes flash) {
    keys.revoke(tenant.id(), id, clock.instant())
        .ifPresentOrElse(k -> flash.addFlashAttribute("done", "Revoked the key " + k.name() + "."),
            () -> flash.addFlashAttribute("refused", "No such key."));
    return "redirect:/settings";
  }

  @PostMapping("/settings/users")
  String createUser(@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String role,
      @RequestParam(defaultValue = "") String password, RedirectAttributes flash) {
    Map<String, String> errors = new LinkedHashMap<>();
    String normalised = ConsoleUserRepository.normalise(email);
    if (!normalised.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") || normalised.length() > 320) {
      errors.put("user_email", "must be an e-mail address");
    }
    if (!role.matches("read|write|admin")) {
      errors.put("user_role", "must be one of read, write, admin");
    }
    if (password.length() < MIN_PASSWORD_LENGTH || password.length() > 72) {
      errors.put("user_password", "must be " + MIN_PASSWORD_LENGTH + " to 72 characters");
    }
    if (errors.isEmpty()) {
      try {
        users.create(tenant.id(), normalised, passwords.encode(password), ApiScope.fromWire(role), operator.name());
        flash.addFlashAttribute("done", "Added " + normalised + ".");
      } catch (DuplicateKeyException taken) {
        errors.put("user_email", "has an account already");
      }
    }
    if (!errors.isEmpty()) {
      flash.addFlashAttribute("errors", errors);
    }
    return "redirect:/settings";
  }

  @PostMapping("/settings/users/{id}/disable")
  String disableUser(@PathVariable long id, RedirectAttributes flash) {
    if (ConsoleModel.current() != null && ConsoleModel.current().id() == id) {
      flash.addFlashAttribute("refused", "You cannot disable yourself.");
      return "redirect:/settings";
    }
    users.disable(tenant.id(), id, clock.instant())
        .ifPresentOrElse(u -> flash.addFlashAttribute("done", "Disabled " + u.email() + "."),
            () -> flash.addFlashAttribute("refused", "No such user."));
    return "redirect:/settings";
  }
}
