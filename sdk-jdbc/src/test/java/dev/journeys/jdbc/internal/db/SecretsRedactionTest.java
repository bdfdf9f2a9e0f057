package dev.journeys.jdbc.internal.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Redacting secrets and SQL from messages")
class SecretsRedactionTest {

    @Test
    @DisplayName("masks password-like URL settings, whatever their case")
    void masksSettings() {
        assertThat(Secrets.redact("jdbc:postgresql://h/db?user=a&password=p1&sslpassword=p2&ssl=true"))
                .isEqualTo("jdbc:postgresql://h/db?user=a&password=<redacted>&sslpassword=<redacted>&ssl=true");
        assertThat(Secrets.redact("jdbc:h2:mem:x;USER=sa;PASSWORD=p3")).isEqualTo("jdbc:h2:mem:x;USER=sa;PASSWORD=<redacted>");
    }

    @Test
    @DisplayName("masks a remembered secret wherever it appears")
    void masksRemembered() {
        Secrets.remember("hunter2-remembered");
        assertThat(Secrets.redact("FATAL: bad password hunter2-remembered for app")).doesNotContain("hunter2-remembered");
    }

    @Test
    @DisplayName("takes the password out of a URL so that the pool gets it as a credential")
    void splitsPassword() {
        assertThat(Secrets.splitPassword("jdbc:postgresql://h/db?password=p%40ss&user=a"))
                .isEqualTo(new Secrets.SplitUrl("jdbc:postgresql://h/db?user=a", Optional.of("p@ss")));
        assertThat(Secrets.splitPassword("jdbc:postgresql://h/db?user=a&password=p"))
                .isEqualTo(new Secrets.SplitUrl("jdbc:postgresql://h/db?user=a", Optional.of("p")));
        assertThat(Secrets.splitPassword("jdbc:h2:mem:x;PASSWORD=p;DB_CLOSE_DELAY=-1"))
                .isEqualTo(new Secrets.SplitUrl("jdbc:h2:mem:x;DB_CLOSE_DELAY=-1", Optional.of("p")));
        assertThat(Secrets.splitPassword("jdbc:h2:mem:x")).isEqualTo(new Secrets.SplitUrl("jdbc:h2:mem:x", Optional.empty()));
    }

    @Test
    @DisplayName("a cause chain whose messages show a secret is copied with them masked, its stack kept")
    void redactsChains() {
        Secrets.remember("chain-secret-5");
        SQLException original = new SQLException("could not log in with chain-secret-5", "28P01",
                new IllegalStateException("inner chain-secret-5"));
        Throwable copy = Secrets.redacted(original);

        assertThat(copy.getMessage()).contains("could not log in").doesNotContain("chain-secret-5");
        assertThat(copy.getCause().getMessage()).doesNotContain("chain-secret-5").contains("IllegalStateException");
        assertThat(copy.getStackTrace()).isEqualTo(original.getStackTrace());
        assertThat(copy).as("a driver's exception stays one, for callers that read its state")
                .isInstanceOf(SQLException.class).extracting(c -> ((SQLException) c).getSQLState()).isEqualTo("28P01");
        SQLException clean = new SQLException("nothing to hide");
        assertThat(Secrets.redacted(clean)).isSameAs(clean);
    }

    @Test
    @DisplayName("a driver's message loses its SQL text and its values")
    void summariesDropSqlAndValues() {
        assertThat(DatabaseErrors.summary("Value too long for column \"SOURCE_REF CHARACTER VARYING(200)\":"
                + " \"'aaaa' (201)\"; SQL statement:\ninsert into transitions values (?) [22001-232]"))
                .doesNotContain("insert into").doesNotContain("aaaa");
        assertThat(DatabaseErrors.summary("ERROR: duplicate key value violates unique constraint \"pk\"\n"
                + "  Detail: Key (contact_key)=(ann@example.com) already exists."))
                .isEqualTo("duplicate key value violates unique constraint \"pk\"");
        assertThat(DatabaseErrors.describe(new SQLException("Connection refused", "08001")))
                .startsWith("the database could not be reached");
    }
}
