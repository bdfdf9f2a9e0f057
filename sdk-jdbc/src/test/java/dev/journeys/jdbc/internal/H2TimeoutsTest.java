package dev.journeys.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("H2 URLs with the SDK's bounds on waits")
class H2TimeoutsTest {

    private static final DatabaseSettings.Timeouts TIMEOUTS =
            new DatabaseSettings.Timeouts(Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofMillis(1500));

    @Test
    @DisplayName("are added unless the URL sets its own, and H2 takes them as the session's settings")
    void boundsAreAddedAndTaken() throws Exception {
        String url = JdbcStorage.withH2Timeouts("jdbc:h2:mem:bounds;DB_CLOSE_DELAY=-1", TIMEOUTS);
        assertThat(url).isEqualTo("jdbc:h2:mem:bounds;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=1500;QUERY_TIMEOUT=60000");
        assertThat(JdbcStorage.withH2Timeouts("jdbc:h2:mem:x;lock_timeout=50", TIMEOUTS))
                .isEqualTo("jdbc:h2:mem:x;lock_timeout=50;QUERY_TIMEOUT=60000");
        try (Connection c = DriverManager.getConnection(url); ResultSet rs = c.createStatement().executeQuery(
                "select lock_timeout(), (select setting_value from information_schema.settings"
                        + " where setting_name = 'QUERY_TIMEOUT')")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1500);
            assertThat(rs.getString(2)).isEqualTo("60000");
        }
    }
}
