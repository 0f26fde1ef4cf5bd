package com.deltaenergy.invoicing.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The module boundaries and the workflow determinism rules, checked on the compiled classes. */
class ArchitectureTest {

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.deltaenergy.invoicing");
  }

  @Test
  void workflowsModuleHasNoSpringAndNoJdbc() {
    noClasses()
        .that()
        .resideInAPackage("com.deltaenergy.invoicing.workflows..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.springframework..", "java.sql..", "javax.sql..", "org.postgresql..", "jakarta.persistence..")
        .check(classes);
  }

  @Test
  void apiNeverReachesIntoActivities() {
    noClasses()
        .that()
        .resideInAPackage("com.deltaenergy.invoicing.api..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("com.deltaenergy.invoicing.activities..")
        .check(classes);
  }

  @Test
  void thePayPageReadsPostgresNeverTemporalOrTheExchange() {
    // Any number of payers may watch a pay page: it must cost Temporal and the exchange nothing.
    noClasses()
        .that()
        .resideInAPackage("com.deltaenergy.invoicing.api.pay..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.temporal.client..", "io.temporal.serviceclient..", "com.deltaenergy.invoicing.api.invoice..",
            "com.deltaenergy.invoicing.api.exchange..", "com.deltaenergy.invoicing.activities..",
            "com.deltaenergy.invoicing.sandbox..")
        .check(classes);
  }

  @Test
  void moneyIsNeverAFloatingPointNumber() {
    String[] notMoney = {"com.deltaenergy.invoicing.sandbox..", "com.deltaenergy.invoicing.activities.document.."};
    // Two legitimate floating-point uses, neither money: the sandbox's fault probability, and page
    // geometry in PDF points (OpenPDF's API is float). Amounts reach the PDF as BigDecimal text.
    noFields()
        .that()
        .areDeclaredInClassesThat()
        .resideOutsideOfPackages(notMoney)
        .should()
        .haveRawType(double.class)
        .orShould()
        .haveRawType(float.class)
        .orShould()
        .haveRawType(Double.class)
        .orShould()
        .haveRawType(Float.class)
        .check(classes);
    noMethods()
        .that()
        .areDeclaredInClassesThat()
        .resideOutsideOfPackages(notMoney)
        .should()
        .haveRawReturnType(double.class)
        .orShould()
        .haveRawReturnType(float.class)
        .orShould()
        .haveRawParameterTypes(double.class)
        .check(classes);
  }

  @ParameterizedTest
  @ValueSource(strings = {"workflows", "persistence", "sandbox", "activities", "worker", "api", "app"})
  void everyModulesPackagesAreFreeOfCycles(String module) {
    // One slice per feature package of the module, its sub-packages included; a module at a time
    // (Maven already keeps the modules themselves acyclic).
    slices()
        .matching("com.deltaenergy.invoicing." + module + ".(*)..")
        .should()
        .beFreeOfCycles()
        .check(classes);
  }

  @Test
  void workflowCodeTakesTimeAndRandomnessOnlyFromTemporal() {
    noClasses()
        .that()
        .resideInAPackage("com.deltaenergy.invoicing.workflows..")
        .should()
        .callMethod(System.class, "currentTimeMillis")
        .orShould()
        .callMethod(System.class, "nanoTime")
        .orShould()
        .callMethod(Thread.class, "sleep", long.class)
        .orShould()
        .callMethod(Instant.class, "now")
        .orShould()
        .callMethod(LocalDate.class, "now")
        .orShould()
        .callMethod(LocalDateTime.class, "now")
        .orShould()
        .callMethod(UUID.class, "randomUUID")
        .orShould()
        .dependOnClassesThat()
        .areAssignableTo(Random.class)
        .orShould()
        .dependOnClassesThat()
        .areAssignableTo(SecureRandom.class)
        .orShould()
        .dependOnClassesThat()
        .areAssignableTo(Clock.class)
        .check(classes);
  }
}
