package com.deltaenergy.invoicing.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.deltaenergy.invoicing.workflows.invoice.InvoiceWorkflowOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * There is no Docker engine here, so the compose file is checked against what the application
 * actually reads: every variable it sets is one the configuration uses, the required ones are
 * set, and hosts and ports point at the services that provide them.
 */
class ComposeFileTest {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final List<Path> CONFIG_FILES =
      List.of(
          ROOT.resolve("persistence/src/main/resources/invoicing-defaults.yml"),
          ROOT.resolve("api/src/main/resources/api-defaults.yml"),
          ROOT.resolve("worker/src/main/resources/worker-defaults.yml"));
  /** Read by Spring Boot's relaxed binding rather than a placeholder. */
  private static final Set<String> SPRING_VARIABLES = Set.of("SERVER_PORT", "JAVA_TOOL_OPTIONS");
  private static final Set<String> REQUIRED =
      Set.of("DATABASE_URL", "DATABASE_USER", "DATABASE_PASSWORD", "TEMPORAL_ADDRESS", "TEMPORAL_NAMESPACE");
  /** Only the worker books revenue in the CFO ledger. */
  private static final Set<String> CFO_LEDGER =
      Set.of("CFO_DATABASE_URL", "CFO_DATABASE_USER", "CFO_DATABASE_PASSWORD");

  private static Map<String, Object> services;
  private static Set<String> variablesTheApplicationReads;

  @BeforeAll
  @SuppressWarnings("unchecked")
  static void load() throws IOException {
    Map<String, Object> compose =
        new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
    services = (Map<String, Object>) compose.get("services");
    variablesTheApplicationReads = new TreeSet<>(SPRING_VARIABLES);
    Pattern placeholder = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");
    for (Path file : CONFIG_FILES) {
      Matcher matcher = placeholder.matcher(Files.readString(file));
      while (matcher.find()) {
        variablesTheApplicationReads.add(matcher.group(1));
      }
    }
  }

  @Test
  void runsEveryServiceTheSystemNeeds() {
    assertThat(services)
        .containsKeys("postgresql", "temporal", "temporal-ui", "mailpit", "api", "worker");
  }

  @Test
  void apiAndWorkerSetOnlyVariablesTheApplicationReadsAndAllRequiredOnes() {
    for (String name : List.of("api", "worker")) {
      Map<String, Object> environment = environment(name);
      assertThat(variablesTheApplicationReads)
          .as("variables set for %s", name)
          .containsAll(environment.keySet());
      assertThat(environment.keySet()).as("required for %s", name).containsAll(REQUIRED);
    }
  }

  @Test
  void databaseSettingsPointAtThePostgresqlService() {
    Map<String, Object> postgres = environment("postgresql");
    for (String name : List.of("api", "worker")) {
      Map<String, Object> environment = environment(name);
      assertThat(environment.get("DATABASE_URL"))
          .isEqualTo("jdbc:postgresql://postgresql:5432/" + postgres.get("POSTGRES_DB"));
      assertThat(environment.get("DATABASE_USER")).isEqualTo(postgres.get("POSTGRES_USER"));
      assertThat(environment.get("DATABASE_PASSWORD")).isEqualTo(postgres.get("POSTGRES_PASSWORD"));
    }
    assertThat(ports("postgresql")).contains("5432:5432");
  }

  @Test
  void onlyTheWorkerReachesTheCfoLedgerInADatabaseTheComposePostgresqlCreates() throws IOException {
    Map<String, Object> worker = environment("worker");
    assertThat(worker.keySet()).containsAll(CFO_LEDGER);
    assertThat(environment("api").keySet()).doesNotContainAnyElementsOf(CFO_LEDGER);

    String initDirectory = "./docker/postgresql/init";
    assertThat(String.valueOf(service("postgresql").get("volumes")))
        .contains(initDirectory + ":/docker-entrypoint-initdb.d");
    String init;
    try (var scripts = Files.list(ROOT.resolve(initDirectory))) {
      init = String.join("\n", scripts.filter(f -> f.toString().endsWith(".sql")).map(ComposeFileTest::read).toList());
    }
    Matcher user = Pattern.compile("CREATE USER (\\w+) WITH PASSWORD '([^']*)'").matcher(init);
    Matcher database = Pattern.compile("CREATE DATABASE (\\w+) OWNER (\\w+)").matcher(init);
    assertThat(user.find()).as("a CREATE USER in %s", initDirectory).isTrue();
    assertThat(database.find()).as("a CREATE DATABASE in %s", initDirectory).isTrue();
    assertThat(database.group(2)).isEqualTo(user.group(1));
    assertThat(database.group(1)).isNotEqualTo(environment("postgresql").get("POSTGRES_DB"));
    assertThat(worker.get("CFO_DATABASE_URL")).isEqualTo("jdbc:postgresql://postgresql:5432/" + database.group(1));
    assertThat(worker.get("CFO_DATABASE_USER")).isEqualTo(user.group(1));
    assertThat(worker.get("CFO_DATABASE_PASSWORD")).isEqualTo(user.group(2));
  }

  @Test
  void temporalSettingsPointAtTheTemporalService() {
    assertThat(ports("temporal")).contains("7233:7233");
    for (String name : List.of("api", "worker", "temporal-ui")) {
      assertThat(environment(name).get("TEMPORAL_ADDRESS")).as(name).isEqualTo("temporal:7233");
    }
    assertThat(ports("temporal-ui")).contains("8080:8080");
  }

  @Test
  void apiPublishesItsPortAndTheWorkerServesNoHttp() {
    Object port = environment("api").get("SERVER_PORT");
    assertThat(ports("api")).contains(port + ":" + port);
    assertThat(service("worker")).doesNotContainKey("ports");
  }

  @Test
  void mailpitReceivesSmtpAndShowsItsInbox() {
    assertThat(ports("mailpit")).contains("1025:1025", "8025:8025");
    Map<String, Object> worker = environment("worker");
    assertThat(worker.get("SMTP_HOST")).isEqualTo("mailpit");
    assertThat(String.valueOf(worker.get("SMTP_PORT"))).isEqualTo("1025");
  }

  @Test
  void theApiServesThePdfsTheWorkerWritesFromOneSharedVolume() {
    for (String name : List.of("api", "worker")) {
      Object directory = environment(name).get("DOCUMENTS_DIR");
      assertThat(directory).as(name).isNotNull();
      assertThat(String.valueOf(service(name).get("volumes"))).as(name).contains("documents:" + directory);
    }
  }

  @Test
  void secretsAndKeysComeFromTheEnvironmentNotTheFile() {
    for (String name : List.of("api", "worker")) {
      assertThat(String.valueOf(environment(name).get("ENCRYPTION_KEY"))).as(name).startsWith("${ENCRYPTION_KEY:?");
    }
    assertThat(String.valueOf(environment("api").get("BOOTSTRAP_API_KEY"))).startsWith("${BOOTSTRAP_API_KEY:?");
    assertThat(String.valueOf(environment("worker").get("MEXC_API_SECRET"))).startsWith("${MEXC_API_SECRET:?");
  }

  @Test
  void searchAttributesOperatorsUseAreRegistered() {
    String setup = String.valueOf(service("temporal-setup").get("command"));
    for (String attribute :
        List.of(
            InvoiceWorkflowOptions.INVOICE_NUMBER.getName(),
            InvoiceWorkflowOptions.INVOICE_STATUS.getName(),
            InvoiceWorkflowOptions.CLIENT_NAME.getName())) {
      assertThat(setup).contains(attribute);
    }
  }

  @Test
  void imagesAreBuiltFromTheModulesExecutableJars() throws IOException {
    for (String name : List.of("api", "worker")) {
      Path dockerfile = ROOT.resolve(String.valueOf(service(name).get("build"))).resolve("Dockerfile");
      assertThat(Files.readString(dockerfile)).contains("COPY target/" + name + "-*-exec.jar");
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> service(String name) {
    assertThat(services).containsKey(name);
    return (Map<String, Object>) services.get(name);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> environment(String name) {
    Object environment = service(name).get("environment");
    assertThat(environment).as("environment of %s", name).isInstanceOf(Map.class);
    return (Map<String, Object>) environment;
  }

  @SuppressWarnings("unchecked")
  private static List<String> ports(String name) {
    return ((List<Object>) service(name).getOrDefault("ports", List.of()))
        .stream().map(String::valueOf).toList();
  }
}
