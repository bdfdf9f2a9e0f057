package dev.journeys.core.internal.automation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.journeys.spi.AttributeSpec;
import dev.journeys.spi.TriggerPlugin;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("PluginClock: a trigger plugin's validate under a time limit")
class PluginClockTest {

    private static final Map<String, Object> ATTRIBUTES = Map.of("a", 1);

    /** A plugin whose validate does what it is told and may block, as plugins do by default. */
    private static TriggerPlugin validating(Function<Map<String, Object>, List<String>> validate) {
        return new TriggerPlugin() {
            public String key() {
                return "test.timed";
            }

            public String displayName() {
                return "Timed";
            }

            public List<AttributeSpec> attributes() {
                return List.of();
            }

            public List<String> validate(Map<String, Object> attributes) {
                return validate.apply(attributes);
            }
        };
    }

    /** A validate that notes the thread it runs on in {@code threads}, and finds {@code a} odd. */
    private static Function<Map<String, Object>, List<String>> notingThread(List<String> threads) {
        return a -> {
            threads.add(Thread.currentThread().getName());
            return List.of("a is odd: " + a.get("a"));
        };
    }

    private static final TriggerPlugin DEFAULT_VALIDATE = new TriggerPlugin() {
        public String key() {
            return "test.plain";
        }

        public String displayName() {
            return "Plain";
        }

        public List<AttributeSpec> attributes() {
            return List.of();
        }
    };

    @Test
    @DisplayName("a plugin that keeps the default validate is not handed to another thread")
    void defaultValidateIsCalledDirectly() {
        assertThat(PluginClock.overridesValidate(DEFAULT_VALIDATE)).isFalse();
        assertThat(new PluginClock(Duration.ofSeconds(5)).validate("test.plain", DEFAULT_VALIDATE, ATTRIBUTES)).isEmpty();
    }

    @Test
    @DisplayName("an overridden validate runs on a plugin thread and its answer comes back")
    void overriddenValidateRunsOnAPluginThread() {
        List<String> threads = new ArrayList<>();
        TriggerPlugin plugin = validating(notingThread(threads));

        assertThat(new PluginClock(Duration.ofSeconds(5)).validate("test.timed", plugin, ATTRIBUTES))
                .containsExactly("a is odd: 1");
        assertThat(threads).singleElement().asString().startsWith("journeys-plugin-");
    }

    /** A plugin whose validate does what it is told, and which says whether that may block. */
    private static TriggerPlugin validating(BooleanSupplier mayBlock,
                                            Function<Map<String, Object>, List<String>> validate) {
        TriggerPlugin inner = validating(validate);
        return new TriggerPlugin() {
            public String key() {
                return inner.key();
            }

            public String displayName() {
                return inner.displayName();
            }

            public List<AttributeSpec> attributes() {
                return inner.attributes();
            }

            public List<String> validate(Map<String, Object> attributes) {
                return inner.validate(attributes);
            }

            public boolean validateMayBlock() {
                return mayBlock.getAsBoolean();
            }
        };
    }

    @Test
    @DisplayName("a plugin whose validate does not block is called on the caller's thread, under a limit too")
    void nonBlockingValidateIsCalledDirectly() {
        List<String> threads = new ArrayList<>();
        TriggerPlugin plugin = validating(() -> false, notingThread(threads));

        assertThat(new PluginClock(Duration.ofSeconds(5)).validate("test.timed", plugin, ATTRIBUTES))
                .containsExactly("a is odd: 1");
        assertThat(threads).containsExactly(Thread.currentThread().getName());
    }

    @Test
    @DisplayName("a plugin that answers it may block is handed to a plugin thread, as by default")
    void blockingValidateRunsOnAPluginThread() {
        List<String> threads = new ArrayList<>();
        TriggerPlugin plugin = validating(() -> true, notingThread(threads));

        new PluginClock(Duration.ofSeconds(5)).validate("test.timed", plugin, ATTRIBUTES);

        assertThat(threads).singleElement().asString().startsWith("journeys-plugin-");
        assertThat(validating(a -> List.of()).validateMayBlock()).as("the default").isTrue();
    }

    @Test
    @DisplayName("a plugin that throws when asked whether it blocks is a plugin failure, and validate is not called")
    void throwingMayBlockIsAPluginFailure() {
        List<String> calls = new ArrayList<>();
        TriggerPlugin plugin = validating(() -> {
            throw new IllegalStateException("no idea");
        }, a -> {
            calls.add("validate");
            return List.of();
        });

        assertThatThrownBy(() -> new PluginClock(Duration.ofSeconds(5)).validate("test.timed", plugin, ATTRIBUTES))
                .isInstanceOf(PluginFailure.class)
                .hasMessageContaining("validateMayBlock threw")
                .hasCauseInstanceOf(IllegalStateException.class);
        assertThat(calls).isEmpty();
    }

    @Test
    @DisplayName("a limit of zero calls every plugin on the caller's thread")
    void zeroLimitCallsOnTheCallersThread() {
        List<String> threads = new ArrayList<>();
        TriggerPlugin plugin = validating(notingThread(threads));

        new PluginClock(Duration.ZERO).validate("test.timed", plugin, ATTRIBUTES);

        assertThat(threads).containsExactly(Thread.currentThread().getName());
    }

    @Test
    @DisplayName("a validate that overruns the limit fails the call as a plugin failure, and is interrupted")
    void overrunIsAPluginFailure() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        TriggerPlugin plugin = validating(a -> {
            started.countDown();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
            return List.of();
        });

        assertThatThrownBy(() -> new PluginClock(Duration.ofMillis(50)).validate("test.timed", plugin, ATTRIBUTES))
                .isInstanceOf(PluginFailure.class)
                .hasMessage("trigger plugin 'test.timed' failed: validate took longer than 50 ms")
                .extracting(e -> ((PluginFailure) e).pluginKey()).isEqualTo("test.timed");
        // Cut off before its thread started, the plugin never runs; once it runs, it is interrupted.
        if (started.await(5, java.util.concurrent.TimeUnit.SECONDS)) {
            assertThat(interrupted.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    @DisplayName("a validate that throws is a plugin failure carrying the cause, timed or not")
    void throwingIsAPluginFailure() {
        IllegalStateException bug = new IllegalStateException("plugin bug");
        TriggerPlugin plugin = validating(a -> {
            throw bug;
        });

        for (Duration limit : List.of(Duration.ofSeconds(5), Duration.ZERO)) {
            assertThatThrownBy(() -> new PluginClock(limit).validate("test.timed", plugin, ATTRIBUTES))
                    .isInstanceOf(PluginFailure.class)
                    .hasMessageContaining("validate threw")
                    .hasCause(bug);
        }
    }

    @Test
    @DisplayName("once every plugin thread is stuck in a plugin that ignores interrupts, calls fail at once")
    void stuckThreadsAreNotPiledUp() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        int threads = 3;
        CountDownLatch entered = new CountDownLatch(threads);
        TriggerPlugin stubborn = validating(a -> {
            entered.countDown();
            boolean done = false;
            while (!done) {
                try {
                    done = release.await(60, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException ignored) {
                    // a plugin that will not be stopped
                }
            }
            return List.of();
        });
        PluginClock clock = new PluginClock(Duration.ofMillis(20), threads);
        try {
            // A call cut off before its thread even started leaves that thread free: call until all are stuck.
            for (int i = 0; i < 1_000 && entered.getCount() > 0; i++) {
                assertThatThrownBy(() -> clock.validate("test.timed", stubborn, ATTRIBUTES))
                        .isInstanceOf(PluginFailure.class).hasMessageContaining("took longer than 20 ms");
            }
            assertThat(entered.getCount()).isZero();

            assertThatThrownBy(() -> clock.validate("test.timed", stubborn, ATTRIBUTES))
                    .isInstanceOf(PluginFailure.class)
                    .hasMessage("trigger plugin 'test.timed' failed: validate not called: 3"
                            + " earlier calls into trigger plugins have not returned");
        } finally {
            release.countDown();
        }
    }
}
