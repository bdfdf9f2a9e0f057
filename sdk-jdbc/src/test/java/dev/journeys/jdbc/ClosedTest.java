package dev.journeys.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.journeys.api.Actor;
import dev.journeys.api.AutomationService;
import dev.journeys.api.ClosedException;
import dev.journeys.api.DashboardService;
import dev.journeys.api.ErrorCode;
import dev.journeys.api.ImportService;
import dev.journeys.api.Journey;
import dev.journeys.api.JourneyService;
import dev.journeys.api.JourneySpec;
import dev.journeys.api.JourneysSdk;
import dev.journeys.api.MoveRequest;
import dev.journeys.api.TriggerEvent;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** After {@code close()}, every call on the SDK and on every service obtained from it is refused, whoever owns the pool. */
@DisplayName("A closed SDK")
class ClosedTest {

    /** A host's own pool onto H2 in memory, kept alive past the SDK so that what was written can be counted. */
    private static JdbcDataSource hostPool() {
        JdbcDataSource pool = new JdbcDataSource();
        pool.setURL("jdbc:h2:mem:closed-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return pool;
    }

    static Stream<Arguments> pools() {
        JdbcDataSource host = hostPool();
        return Stream.of(
                Arguments.of(Named.of("the SDK's own pool", (Supplier<JourneysConfiguration>) Journeys::configure), null),
                Arguments.of(Named.of("a host's pool", (Supplier<JourneysConfiguration>) () -> Journeys.configure()
                        .dataSource(host)), host));
    }

    @ParameterizedTest(name = "with {0}")
    @MethodSource("pools")
    @DisplayName("refuses every public method with CLOSED and writes nothing")
    void everyCallIsRefused(Supplier<JourneysConfiguration> configuration, JdbcDataSource host) throws Exception {
        JourneysSdk sdk = configuration.get().load();
        JourneyService journeys = sdk.tenant("acme");
        Journey sales = journeys.createJourney(JourneySpec.named("Sales").stages("Lead", "Trial"));
        journeys.move(MoveRequest.to("ada", sales.id(), sales.stages().get(0).id(), Actor.person("ann")));
        AutomationService automations = journeys.automations();
        ImportService imports = journeys.imports();
        DashboardService dashboard = journeys.dashboard();
        long before = host == null ? 0 : rows(host);

        sdk.close();

        List<String> notRefused = new ArrayList<>();
        callEveryMethod(JourneysSdk.class, sdk, notRefused);
        callEveryMethod(JourneyService.class, journeys, notRefused);
        callEveryMethod(AutomationService.class, automations, notRefused);
        callEveryMethod(ImportService.class, imports, notRefused);
        callEveryMethod(DashboardService.class, dashboard, notRefused);
        assertThat(notRefused).as("methods that did not throw CLOSED").isEmpty();

        assertThatThrownBy(() -> journeys.move(MoveRequest.to("bob", sales.id(), sales.stages().get(0).id(),
                Actor.person("ann")))).isInstanceOf(ClosedException.class);
        assertThatThrownBy(() -> automations.publishAsync(TriggerEvent.of("e1", "order.created", "bob", Instant.now())))
                .isInstanceOf(ClosedException.class);
        assertThatThrownBy(() -> sdk.tenant("a-tenant-never-seen")).isInstanceOf(ClosedException.class)
                .extracting(e -> ((ClosedException) e).code()).isEqualTo(ErrorCode.CLOSED);
        if (host != null) {
            assertThat(rows(host)).as("rows written after close").isEqualTo(before);
            assertThat(rows(host)).isPositive();
        }
        sdk.close();
    }

    /** Calls each method with nulls and zeros: the refusal comes before any argument is looked at. */
    private static <T> void callEveryMethod(Class<T> api, T target, List<String> notRefused) throws IllegalAccessException {
        for (Method m : api.getMethods()) {
            if (m.getName().equals("close")) {
                continue;
            }
            Object[] args = new Object[m.getParameterCount()];
            for (int i = 0; i < args.length; i++) {
                args[i] = defaultOf(m.getParameterTypes()[i]);
            }
            try {
                m.invoke(target, args);
                notRefused.add(api.getSimpleName() + "." + m.getName() + " returned");
            } catch (InvocationTargetException e) {
                if (!(e.getCause() instanceof ClosedException)) {
                    notRefused.add(api.getSimpleName() + "." + m.getName() + " threw " + e.getCause());
                }
            }
        }
    }

    private static Object defaultOf(Class<?> type) {
        if (!type.isPrimitive()) {
            return null;
        }
        if (type == boolean.class) {
            return false;
        }
        if (type == long.class) {
            return 0L;
        }
        return type == int.class ? 0 : (Object) 0.0;
    }

    private static long rows(JdbcDataSource host) throws SQLException {
        try (Connection c = host.getConnection(); ResultSet rs = c.createStatement().executeQuery(
                "select (select count(*) from transitions) + (select count(*) from journeys) + (select count(*) from run_log)")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
