package dev.journeys.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.journeys.api.Actor;
import dev.journeys.api.ConfigurationException;
import dev.journeys.api.ImportRequest;
import dev.journeys.api.ImportSource;
import dev.journeys.api.Journey;
import dev.journeys.api.JourneyService;
import dev.journeys.api.JourneySpec;
import dev.journeys.api.JourneysSdk;
import dev.journeys.api.MoveRequest;
import dev.journeys.api.RunningImport;
import dev.journeys.api.StorageException;
import dev.journeys.jdbc.contract.Databases;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A call on the SDK's own pool never waits past its bound: for a lock, or for a connection. */
@DisplayName("Bounded waits")
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class BoundedWaitsTest {

    static Stream<String> databases() {
        return Stream.of("jdbc:h2:mem:waits-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", Databases.postgresUrl());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    @DisplayName("a move that waits for a lock another transaction holds fails, saying it took too long")
    void lockWaitIsBounded(String url) throws Exception {
        try (JourneysSdk sdk = Journeys.configure().jdbcUrl(url).lockTimeout(Duration.ofMillis(300)).load()) {
            JourneyService journeys = sdk.tenant("waits-" + UUID.randomUUID().toString().substring(0, 8));
            Journey j = journeys.createJourney(JourneySpec.named("Locked").stages("A", "B"));
            journeys.move(MoveRequest.to("c1", j.id(), j.stages().get(0).id(), Actor.person("ann")));
            try (Connection holder = DriverManager.getConnection(url)) {
                holder.setAutoCommit(false);
                try (PreparedStatement lock = holder.prepareStatement(
                        "select version from placements where journey_id = ? and contact_key = 'c1' for update")) {
                    lock.setLong(1, j.id().value());
                    lock.executeQuery().close();
                }

                assertThatThrownBy(() -> journeys.move(MoveRequest.to("c1", j.id(), j.stages().get(1).id(),
                        Actor.person("ann")))).isInstanceOf(StorageException.class).hasMessageContaining("took too long");
                holder.rollback();
            }
            assertThat(journeys.move(MoveRequest.to("c1", j.id(), j.stages().get(1).id(), Actor.person("ann"))).isMoved())
                    .as("once the lock is gone").isTrue();
            assertThat(journeys.history("c1", j.id())).hasSize(2);
        }
    }

    /**
     * A file that, read for the import (its second opening: the first one fingerprints it), blocks after its
     * header until released: the import holds its connection meanwhile.
     */
    private static ImportSource stalled(CountDownLatch release) {
        java.util.concurrent.atomic.AtomicInteger opened = new java.util.concurrent.atomic.AtomicInteger();
        byte[] header = "contact,stage\n".getBytes(StandardCharsets.UTF_8);
        return () -> opened.incrementAndGet() == 1 ? new ByteArrayInputStream(header)
                : new SequenceInputStream(new ByteArrayInputStream(header), new InputStream() {
                    @Override
                    public int read() {
                        try {
                            release.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return -1;
                    }
                });
    }

    @Test
    @DisplayName("a call that finds no free connection fails, saying so, once the wait is over")
    void poolWaitIsBounded() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (JourneysSdk sdk = Journeys.configure().poolSize(2).connectionTimeout(Duration.ofMillis(300)).load()) {
            JourneyService journeys = sdk.tenant("pool");
            Journey j = journeys.createJourney(JourneySpec.named("Pool").stages("A"));
            List<RunningImport> holding = List.of(
                    journeys.imports().start(ImportRequest.of("a.csv", stalled(release), Actor.person("ann")).intoJourney(j.id())),
                    journeys.imports().start(ImportRequest.of("b.csv", stalled(release), Actor.person("ann")).intoJourney(j.id())));
            try {
                assertThat(awaitPoolTaken(journeys)).as("both connections taken by the stalled imports").isTrue();

                assertThatThrownBy(() -> journeys.placements("anyone")).isInstanceOf(StorageException.class)
                        .hasMessageContaining("no connection of the pool was free");
            } finally {
                release.countDown();
            }
            for (RunningImport running : holding) {
                running.report().get(1, TimeUnit.MINUTES);
            }
            assertThat(journeys.placements("anyone")).isEmpty();
        }
    }

    /** Until a read fails for want of a connection, which it does once both imports hold theirs. */
    private static boolean awaitPoolTaken(JourneyService journeys) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            try {
                journeys.placements("probe");
            } catch (StorageException e) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    @Test
    @DisplayName("a pool too small to work is refused when configured, and every bound must make sense")
    void boundsAreChecked() {
        assertThatThrownBy(() -> Journeys.configure().poolSize(1)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("poolSize must be 2..1000");
        assertThatThrownBy(() -> Journeys.configure().lockTimeout(Duration.ZERO)).isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> Journeys.configure().statementTimeout(null)).isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> Journeys.configure().connectionTimeout(Duration.ofDays(2)))
                .isInstanceOf(ConfigurationException.class);
    }

    @Test
    @DisplayName("on PostgreSQL the smallest pool migrates, moves and imports")
    void smallestPoolWorks() {
        try (JourneysSdk sdk = Journeys.configure().jdbcUrl(Databases.postgresUrl()).poolSize(2).load()) {
            JourneyService journeys = sdk.tenant("small-" + UUID.randomUUID().toString().substring(0, 8));
            Journey j = journeys.createJourney(JourneySpec.named("Small").stages("A", "B"));
            assertThat(journeys.imports().run(ImportRequest.of("s.csv", ImportSource.of(
                    "contact,stage\nc1,A\nc1,B\nc2,A\n".getBytes(StandardCharsets.UTF_8)), Actor.person("ann"))
                    .intoJourney(j.id())).movesCommitted()).isEqualTo(3);
        }
    }
}
