package dev.journeys.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.journeys.api.Actor;
import dev.journeys.api.AutomationService;
import dev.journeys.api.DashboardService;
import dev.journeys.api.ImportService;
import dev.journeys.api.JourneyService;
import dev.journeys.api.JourneysSdk;
import dev.journeys.api.MoveRequest;
import dev.journeys.api.MoveSource;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.Proxy;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A host states only who acted, an {@link Actor}; every other kind of {@link MoveSource} is the SDK's to make.
 * These tests hold that on the API itself: no host code that names another kind where an actor goes compiles,
 * no method takes one, and the sealed actor cannot be faked at run time.
 */
@DisplayName("Sources a host cannot forge")
class HostSourcesTest {

    /** Every other source kind, as a host would try to build it. */
    static Stream<String> forgedSources() {
        return Stream.of(
                "new MoveSource.SystemPlugin(\"advocate-enrollment\", Actor.person(\"ann\"))",
                "new MoveSource.Automation(7, \"evt-1\")",
                "new MoveSource.Import(3, 1)",
                "new MoveSource.ImportUndo(3, Actor.person(\"ann\"))",
                "new MoveSource.StageRemoval(new StageId(4), Actor.person(\"ann\"))");
    }

    /** Every place of the API where a host says who acted. */
    static List<String> placesFor(String source) {
        return List.of(
                "journeys.move(MoveRequest.to(\"c\", journey, stage, " + source + "));",
                "journeys.move(MoveRequest.exit(\"c\", journey, " + source + "));",
                "journeys.move(new MoveRequest(\"c\", journey, Optional.of(stage), " + source
                        + ", ExpectedStage.any(), Optional.empty()));",
                "journeys.removeStage(journey, stage, stage, " + source + ");",
                "journeys.setStatus(\"c\", \"enrolled\", " + source + ");",
                "journeys.imports().undo(1, " + source + ");",
                "journeys.imports().run(ImportRequest.of(\"f.csv\", ImportSource.of(new byte[0]), " + source + "));");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forgedSources")
    @DisplayName("host code that passes another kind of source where an actor goes does not compile")
    void forgedSourcesDoNotCompile(String source) {
        for (String call : placesFor(source)) {
            List<String> errors = compile(call);
            assertThat(errors).as(call).isNotEmpty()
                    .allSatisfy(e -> assertThat(e.toLowerCase(Locale.ROOT)).contains("incompatible types"));
        }
    }

    @Test
    @DisplayName("the same host code compiles with a person or an integration, so the check above can fail")
    void actorsCompile() {
        for (String actor : List.of("Actor.person(\"ann\")", "Actor.integration(\"hubspot-sync\")")) {
            for (String call : placesFor(actor)) {
                assertThat(compile(call)).as(call).isEmpty();
            }
        }
    }

    @Test
    @DisplayName("no method of a service takes a move source, and only read-side values hold one")
    void noMethodTakesASource() {
        List<String> takers = new ArrayList<>();
        for (Class<?> service : List.of(JourneysSdk.class, JourneyService.class, AutomationService.class,
                ImportService.class, DashboardService.class)) {
            for (Method m : service.getMethods()) {
                for (Parameter p : m.getParameters()) {
                    if (MoveSource.class.isAssignableFrom(p.getType()) && !Actor.class.isAssignableFrom(p.getType())) {
                        takers.add(service.getSimpleName() + "." + m.getName());
                    }
                }
            }
        }
        assertThat(takers).isEmpty();
        for (RecordComponent c : MoveRequest.class.getRecordComponents()) {
            assertThat(MoveSource.class.isAssignableFrom(c.getType()) && !Actor.class.equals(c.getType()))
                    .as("MoveRequest." + c.getName()).isFalse();
        }
    }

    @Test
    @DisplayName("the actor is sealed at run time too: no proxy or subclass can pose as one")
    void actorsCannotBeFaked() {
        assertThat(Actor.class.isSealed()).isTrue();
        assertThat(MoveSource.class.isSealed()).isTrue();
        assertThatThrownBy(() -> Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Actor.class},
                (proxy, method, args) -> "forged")).isInstanceOf(IllegalArgumentException.class);
        assertThat(compile("class Forged implements Actor { public String name() { return \"x\"; }"
                + " public dev.journeys.api.SourceKind kind() { return null; } }")).isNotEmpty();
    }

    /** Compiles a host class whose one method holds {@code statement}; returns the compiler's errors. */
    private static List<String> compile(String statement) {
        String body = statement.startsWith("class ") ? statement : """
                class Host {
                    void call(JourneyService journeys, JourneyId journey, StageId stage) {
                        %s
                    }
                }""".formatted(statement);
        String source = "import dev.journeys.api.*;\nimport java.util.Optional;\n" + body;
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///Host.java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        Path out;
        try {
            out = java.nio.file.Files.createTempDirectory("host-sources");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        try {
            String api = Path.of(Actor.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
            compiler.getTask(null, null, diagnostics, List.of("-classpath", api, "-d", out.toString()), null, List.of(file))
                    .call();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        } finally {
            deleteQuietly(out);
        }
        return diagnostics.getDiagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .map(d -> d.getMessage(Locale.ROOT)).toList();
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = java.nio.file.Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp directory left behind is harmless
        }
    }
}
