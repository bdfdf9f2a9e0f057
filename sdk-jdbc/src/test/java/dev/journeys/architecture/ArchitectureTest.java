package dev.journeys.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaPackage;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Holds the module and package rules of {@code /work/shared/architecture.md} ("The house we are
 * building") against the production classes of sdk-api, sdk-core and sdk-jdbc. It lives in sdk-jdbc
 * because that is the module whose test classpath sees all three; plugins, samples and benchmarks are
 * not on it and are not checked here.
 */
@DisplayName("Architecture")
class ArchitectureTest {

    static final String API = "dev.journeys.api..";
    static final String SPI = "dev.journeys.spi..";
    static final String CORE = "dev.journeys.core..";
    static final String JDBC = "dev.journeys.jdbc..";

    static JavaClasses sdk;

    @BeforeAll
    static void importProductionClasses() {
        sdk = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.journeys");
    }

    @Test
    @DisplayName("sees the API, the core and the JDBC storage, so that no rule holds by checking nothing")
    void importsAllThreeModules() {
        assertThat(sdk.stream().map(JavaClass::getPackageName))
                .anyMatch(p -> p.startsWith("dev.journeys.api"))
                .anyMatch(p -> p.startsWith("dev.journeys.core"))
                .anyMatch(p -> p.startsWith("dev.journeys.jdbc"));
        assertThat(sdk.stream().map(JavaClass::getName))
                .as("test classes are left out").noneMatch(name -> name.endsWith("Test"));
    }

    // ---- Modules -------------------------------------------------------------------------------

    @Test
    @DisplayName("the API depends on nothing but the JDK and itself")
    void apiStandsApart() {
        classes().that().resideInAPackage(API)
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", API)
                .because("sdk-api depends on nothing; hosts and plugins must be able to use it alone")
                .check(sdk);
    }

    @Test
    @DisplayName("the API never reaches into internals")
    void apiUsesNoInternals() {
        noClasses().that().resideInAnyPackage(API, SPI)
                .should().dependOnClassesThat().resideInAPackage("..internal..")
                .because("the public API and SPI are the stable surface; internals may change at any time")
                .allowEmptyShould(true)
                .check(sdk);
    }

    @Test
    @DisplayName("the core knows no storage technology: no JDBC module, no Jdbi, no Flyway, no java.sql")
    void coreKnowsNoSql() {
        noClasses().that().resideInAPackage(CORE)
                .should().dependOnClassesThat().resideInAnyPackage(JDBC, "org.jdbi..", "org.flywaydb..",
                        "java.sql..", "javax.sql..", "com.zaxxer.hikari..", "org.h2..", "org.postgresql..")
                .because("sdk-core knows no SQL; only sdk-jdbc does")
                .check(sdk);
    }

    @Test
    @DisplayName("the core depends only on the API and SPI, Guice, Caffeine, SLF4J, the JDK and, for reading CSV, commons-csv")
    void coreDependencies() {
        classes().that().resideInAPackage(CORE)
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", API, SPI, CORE,
                        "com.google.inject..", "jakarta.inject..", "com.github.benmanes.caffeine..", "org.slf4j..",
                        "org.apache.commons.csv..")
                .because("sdk-core depends on sdk-api, Guice and Caffeine, and imports read CSV with commons-csv")
                .check(sdk);
    }

    @Test
    @DisplayName("only the imports package reads CSV")
    void onlyImportsReadCsv() {
        noClasses().that().resideOutsideOfPackage("dev.journeys.core.internal.imports..")
                .and().resideInAPackage(CORE)
                .should().dependOnClassesThat().resideInAPackage("org.apache.commons.csv..")
                .because("the CSV format is one class's business: CsvFile")
                .check(sdk);
    }

    @Test
    @DisplayName("only the JDBC storage uses Jdbi and Flyway, or any SQL")
    void onlyJdbcUsesSql() {
        noClasses().that().resideOutsideOfPackage(JDBC)
                .should().dependOnClassesThat().resideInAnyPackage("org.jdbi..", "org.flywaydb..", "java.sql..")
                .because("only sdk-jdbc knows SQL")
                .check(sdk);
    }

    // ---- Packages ------------------------------------------------------------------------------

    @Test
    @DisplayName("the rules are pure: they see only the API, the JDK and one another")
    void rulesArePure() {
        String rules = "dev\\.journeys\\.core\\.internal\\.moves\\.(MoveRules|Move|Decision|StageOwner)(\\$.*)?";
        classes().that().haveNameMatching(rules)
                .should().onlyDependOnClassesThat(resideInAnyPackage("java..", API).or(nameMatching(rules)))
                .because("the rules of a move are pure functions of the journey, the placement and the request")
                .check(sdk);
        assertThat(sdk.stream().filter(c -> c.getName().matches(rules))).as("the rules are found").hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    @DisplayName("core's storage boundary speaks only in API values and its own types")
    void storageBoundaryIsPlain() {
        classes().that().resideInAPackage("dev.journeys.core.internal.storage..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", API, "dev.journeys.core.internal.storage..")
                .because("what the move path writes is plain values; it must not drag the engine along")
                .check(sdk);
    }

    @Test
    @DisplayName("every move takes the one path: one rules function, one storage entry, one writer of placements and history")
    void oneMovePath() {
        assertThat(OneWritePath.violations(sdk)).isEmpty();
    }

    @Test
    @DisplayName("the one-path rule fails on a class that writes placements past the entry, or calls it from elsewhere")
    void oneMovePathCanFail() {
        JavaClasses fixture = new ClassFileImporter().importPackages("dev.journeys.architecture.fixture");
        assertThat(fixture.stream().map(JavaClass::getSimpleName)).contains("ForgedWriter", "SecondPath");
        assertThat(OneWritePath.violations(fixture))
                .anyMatch(v -> v.contains("ForgedWriter") && v.contains("placements"))
                .anyMatch(v -> v.contains("ForgedWriter") && v.contains("transitions"))
                .anyMatch(v -> v.contains("SecondPath") && v.contains("WriteTransaction.write"))
                .anyMatch(v -> v.contains("SecondPath") && v.contains("MoveRules.decide"));
    }

    @Test
    @DisplayName("the API module exports the API and the SPI, and nothing else")
    void apiModuleExportsOnlyApiAndSpi() throws Exception {
        java.nio.file.Path api = java.nio.file.Path.of(dev.journeys.api.Actor.class.getProtectionDomain().getCodeSource()
                .getLocation().toURI());
        java.lang.module.ModuleDescriptor descriptor = java.lang.module.ModuleFinder.of(api).findAll().iterator().next()
                .descriptor();
        assertThat(descriptor.name()).isEqualTo("dev.journeys.api");
        assertThat(descriptor.isAutomatic()).isFalse();
        assertThat(descriptor.exports()).extracting(java.lang.module.ModuleDescriptor.Exports::source)
                .containsExactlyInAnyOrder("dev.journeys.api", "dev.journeys.spi");
        assertThat(descriptor.requires()).extracting(java.lang.module.ModuleDescriptor.Requires::name)
                .containsExactly("java.base");
    }

    @Test
    @DisplayName("no package is named for a layer pattern alone: utils, helpers, managers")
    void noGrabBagPackages() {
        noClasses().should().resideInAnyPackage("..util..", "..utils..", "..helper..", "..helpers..",
                        "..manager..", "..managers..")
                .because("a package is named for what it holds")
                .allowEmptyShould(true)
                .check(sdk);
    }

    @Test
    @DisplayName("packages do not depend on each other in cycles")
    void noCycles() {
        slices().matching("dev.journeys.(**)").should().beFreeOfCycles().check(sdk);
    }

    @Test
    @DisplayName("every internal package has a package-info saying so")
    void internalPackagesAreDocumented() {
        List<String> undocumented = sdk.getPackage("dev.journeys").getSubpackagesInTree().stream()
                .filter(p -> p.getName().endsWith(".internal") || p.getName().contains(".internal."))
                .filter(p -> !p.getClasses().isEmpty())
                .filter(p -> p.tryGetPackageInfo().isEmpty())
                .map(JavaPackage::getName)
                .sorted()
                .toList();
        assertThat(undocumented).as("internal packages without a package-info").isEmpty();
        assertThat(sdk.getPackage("dev.journeys").getSubpackagesInTree())
                .as("internal packages seen").filteredOn(p -> p.getName().endsWith(".internal")).isNotEmpty();
    }
}

