package dev.journeys.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.journeys.api.JourneysException;
import dev.journeys.api.StorageException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A password given to the SDK appears in no message, no cause's message and no log line. */
@DisplayName("Secrets")
class SecretsTest {

    /** What a failing start threw, printed whole, and what went to the log (standard error) meanwhile. */
    private record Failure(Throwable thrown, String printed, String logged) {
        String everything() {
            return printed + "\n" + logged;
        }
    }

    private static Failure failingStart(Supplier<JourneysConfiguration> configuration) {
        PrintStream realErr = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Throwable thrown;
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            thrown = catchThrowable(() -> configuration.get().load().close());
        } finally {
            System.setErr(realErr);
        }
        StringWriter printed = new StringWriter();
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            printed.append(t.getMessage()).append('\n');
        }
        thrown.printStackTrace(new PrintWriter(printed));
        return new Failure(thrown, printed.toString(), log.toString(StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("a password in a PostgreSQL URL is in no message when the server cannot be reached")
    void passwordInPostgresUrl() {
        Failure f = failingStart(() -> Journeys.configure()
                .jdbcUrl("jdbc:postgresql://127.0.0.1:1/journeys?user=app&password=Pg-S3cret-7&connectTimeout=2"));

        assertThat(f.thrown()).isInstanceOf(StorageException.class)
                .hasMessageContaining("could not be reached").hasMessageContaining("password=<redacted>");
        assertThat(f.everything()).doesNotContain("Pg-S3cret-7");
    }

    @Test
    @DisplayName("a password given as a credential is in no message either")
    void passwordAsCredential() {
        Failure f = failingStart(() -> Journeys.configure()
                .jdbcUrl("jdbc:postgresql://127.0.0.1:1/journeys?connectTimeout=2").credentials("app", "Cred-S3cret-8"));

        assertThat(f.thrown()).isInstanceOf(JourneysException.class);
        assertThat(f.everything()).doesNotContain("Cred-S3cret-8");
    }

    @Test
    @DisplayName("a password in an H2 URL is in no message when the URL is refused")
    void passwordInH2Url() {
        Failure f = failingStart(() -> Journeys.configure()
                .jdbcUrl("jdbc:h2:mem:secrets;PASSWORD=H2-S3cret-9;NO_SUCH_SETTING=1"));

        assertThat(f.thrown()).isInstanceOf(StorageException.class);
        assertThat(f.everything()).doesNotContain("H2-S3cret-9");
    }

    @Test
    @DisplayName("a password in a URL refused before connecting is in no message")
    void passwordInUnsupportedUrl() {
        Throwable thrown = catchThrowable(() -> Journeys.configure().jdbcUrl("jdbc:h2:tcp://db/x;PASSWORD=Tcp-S3cret-1"));

        assertThat(thrown).isInstanceOf(JourneysException.class).hasMessageContaining("server mode");
        assertThat(thrown.getMessage()).doesNotContain("Tcp-S3cret-1");
    }
}
