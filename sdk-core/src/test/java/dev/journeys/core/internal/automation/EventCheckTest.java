package dev.journeys.core.internal.automation;

import static dev.journeys.core.internal.automation.AttributeValuesTest.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.journeys.api.InvalidInputException;
import dev.journeys.api.TriggerEvent;
import dev.journeys.spi.AttributeSpec;
import dev.journeys.spi.AttributeType;
import dev.journeys.spi.TriggerPlugin;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** What a published event must be before any automation sees it. */
@DisplayName("EventCheck")
class EventCheckTest {

    private static final Instant NOW = Instant.parse("2024-05-01T10:00:00Z");

    private final TestTrigger orders = TestTrigger.orders();

    /** A valid order.created event: order o-1 of 100 (as a double). */
    private static TriggerEvent order() {
        return TriggerEvent.of("evt-1", "order.created", "contact-1", NOW).with("order_id", "o-1").with("amount", 100.0);
    }

    private static TriggerEvent withAttributes(TestTrigger trigger, Map<String, Object> attributes) {
        return new TriggerEvent("evt-1", trigger.key(), "contact-1", NOW, attributes);
    }

    /** A trigger declaring {@code count} optional STRING attributes s01, s02, … */
    private static TestTrigger strings(int count) {
        return new TestTrigger("many.strings", IntStream.rangeClosed(1, count)
                .mapToObj(i -> AttributeSpec.optional(String.format("s%02d", i), AttributeType.STRING)).toList(),
                attributes -> List.of());
    }

    private static Map<String, Object> stringValues(int count, int length) {
        Map<String, Object> values = new LinkedHashMap<>();
        IntStream.rangeClosed(1, count).forEach(i -> values.put(String.format("s%02d", i), "x".repeat(length)));
        return values;
    }

    @Nested
    @DisplayName("a valid event")
    class Valid {

        @Test
        @DisplayName("comes back with its attributes converted, in the order the plugin declares them")
        void converted() {
            TriggerEvent event = TriggerEvent.of("evt-1", "order.created", "contact-1", NOW)
                    .with("placed_at", "2024-05-01T12:00:00+02:00").with("paid", "TRUE").with("items", 3)
                    .with("status", "paid").with("amount", "100.00").with("order_id", "o-1");

            Map<String, Object> converted = EventCheck.check(orders, event);

            assertThat(converted).containsExactly(
                    Map.entry("order_id", "o-1"),
                    Map.entry("amount", new BigDecimal("100")),
                    Map.entry("status", "paid"),
                    Map.entry("items", new BigDecimal("3")),
                    Map.entry("paid", true),
                    Map.entry("placed_at", NOW));
        }

        @Test
        @DisplayName("may leave optional attributes out")
        void optionalAttributes() {
            assertThat(EventCheck.check(orders, order())).containsOnlyKeys("order_id", "amount");
        }

        @Test
        @DisplayName("is handed to the plugin's validate converted, and the same map is returned, unmodifiable")
        void pluginSeesConverted() {
            Map<String, Object> converted = EventCheck.check(orders, order());

            assertThat(orders.validated).containsExactly(converted);
            assertThat(orders.validated.get(0).get("amount")).isEqualTo(new BigDecimal("100"));
            assertThatThrownBy(() -> converted.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        }

        @Test
        @DisplayName("of a trigger without attributes has an empty map")
        void noAttributes() {
            TestTrigger bare = new TestTrigger("contact.created", List.of(), attributes -> List.of());
            assertThat(EventCheck.check(bare, TriggerEvent.of("e", "contact.created", "c", NOW))).isEmpty();
        }
    }

    @Nested
    @DisplayName("the envelope")
    class Envelope {

        @Test
        @DisplayName("must be there")
        void nullEvent() {
            assertInvalid(() -> EventCheck.check(orders, null)).hasMessageContaining("event is required");
        }

        @ParameterizedTest(name = "event id \"{0}\" is blank")
        @NullAndEmptySource
        @ValueSource(strings = {" ", "\t", "\n"})
        @DisplayName("needs an event id that is not blank")
        void blankEventId(String id) {
            assertInvalid(() -> EventCheck.check(orders, new TriggerEvent(id, "order.created", "c", NOW,
                    order().attributes()))).hasMessageContaining("event id must not be blank");
        }

        @Test
        @DisplayName("takes an event id of 200 characters, not 201")
        void eventIdLength() {
            TriggerEvent event = order();
            assertThat(EventCheck.check(orders, new TriggerEvent("e".repeat(200), "order.created", "c", NOW,
                    event.attributes()))).isNotEmpty();
            assertInvalid(() -> EventCheck.check(orders, new TriggerEvent("e".repeat(201), "order.created", "c", NOW,
                    event.attributes()))).hasMessageContaining("event id is longer than 200 characters");
        }

        @ParameterizedTest(name = "event id \"{0}\"")
        @ValueSource(strings = {" evt-1", "evt-1 ", "evt\n1", "evt\u00001", "evt\u007f1"})
        @DisplayName("refuses an event id with surrounding whitespace or control characters, which history would"
                + " not store as sent")
        void eventIdAsWritten(String id) {
            assertInvalid(() -> EventCheck.check(orders, new TriggerEvent(id, "order.created", "c", NOW,
                    order().attributes()))).hasMessageContaining("event id must not");
        }

        @ParameterizedTest(name = "contact key \"{0}\" is blank")
        @NullAndEmptySource
        @ValueSource(strings = {" ", "\t"})
        @DisplayName("needs a contact key that is not blank")
        void blankContactKey(String key) {
            assertInvalid(() -> EventCheck.check(orders, new TriggerEvent("e", "order.created", key, NOW,
                    order().attributes()))).hasMessageContaining("contact key must not be blank");
        }

        @Test
        @DisplayName("takes a contact key of 255 characters, not 256")
        void contactKeyLength() {
            Map<String, Object> attributes = order().attributes();
            assertThat(EventCheck.check(orders, new TriggerEvent("e", "order.created", "k".repeat(255), NOW,
                    attributes))).isNotEmpty();
            assertInvalid(() -> EventCheck.check(orders, new TriggerEvent("e", "order.created", "k".repeat(256), NOW,
                    attributes))).hasMessageContaining("contact key is longer than 255 characters");
        }

        @Test
        @DisplayName("needs the time it occurred")
        void occurredAt() {
            assertInvalid(() -> EventCheck.check(orders, new TriggerEvent("e", "order.created", "c", null,
                    order().attributes()))).hasMessageContaining("occurred-at time is required");
        }

        @Test
        @DisplayName("needs an attribute map, empty if need be")
        void attributesMap() {
            assertInvalid(() -> EventCheck.check(orders, new TriggerEvent("e", "order.created", "c", NOW, null)))
                    .hasMessageContaining("attributes are required");
        }

        @Test
        @DisplayName("of another trigger than the plugin's is a bug in the caller, not bad input")
        void otherTrigger() {
            TriggerEvent event = new TriggerEvent("e", "order.updated", "c", NOW, order().attributes());
            assertThatThrownBy(() -> EventCheck.check(orders, event)).isInstanceOf(IllegalArgumentException.class)
                    .isNotInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("'order.updated'").hasMessageContaining("'order.created'");
        }
    }

    @Nested
    @DisplayName("attributes")
    class Attributes {

        @Test
        @DisplayName("must be declared by the trigger: the message names the stranger and lists the declared")
        void undeclared() {
            assertInvalid(() -> EventCheck.check(orders, order().with("colour", "red")))
                    .hasMessage("INVALID_INPUT: attribute 'colour' is not declared by trigger 'order.created';"
                            + " it declares 'order_id', 'amount', 'status', 'items', 'paid', 'placed_at'");
        }

        @Test
        @DisplayName("are matched by exact name: case matters")
        void exactNames() {
            assertInvalid(() -> EventCheck.check(orders, order().with("Status", "paid")))
                    .hasMessageContaining("attribute 'Status' is not declared");
        }

        @Test
        @DisplayName("must not have a null name")
        void nullName() {
            Map<String, Object> attributes = new HashMap<>(order().attributes());
            attributes.put(null, "x");
            assertInvalid(() -> EventCheck.check(orders, withAttributes(orders, attributes)))
                    .hasMessageContaining("attribute names must not be null");
        }

        @Test
        @DisplayName("that are required must be there")
        void required() {
            TriggerEvent noAmount = TriggerEvent.of("e", "order.created", "c", NOW).with("order_id", "o-1");
            assertInvalid(() -> EventCheck.check(orders, noAmount))
                    .hasMessage("INVALID_INPUT: attribute 'amount' is required by trigger 'order.created' and missing");
        }

        @Test
        @DisplayName("must not be null, even when optional: an attribute without a value is left out")
        void nullValue() {
            assertInvalid(() -> EventCheck.check(orders, order().with("status", null)))
                    .hasMessageContaining("attribute 'status' is null");
            assertInvalid(() -> EventCheck.check(orders, order().with("amount", null)))
                    .hasMessageContaining("attribute 'amount' is null");
        }

        @Test
        @DisplayName("must have their declared type")
        void wrongType() {
            assertInvalid(() -> EventCheck.check(orders, order().with("amount", "lots")))
                    .hasMessageContaining("attribute 'amount' must be MONEY").hasMessageContaining("'lots'");
            assertInvalid(() -> EventCheck.check(orders, order().with("status", 7)))
                    .hasMessageContaining("attribute 'status' must be STRING").hasMessageContaining("7 (Integer)");
            assertInvalid(() -> EventCheck.check(orders, order().with("paid", "yes")))
                    .hasMessageContaining("attribute 'paid' must be BOOLEAN");
            assertInvalid(() -> EventCheck.check(orders, order().with("placed_at", "2024-05-01T10:00:00")))
                    .hasMessageContaining("attribute 'placed_at' must be TIMESTAMP").hasMessageContaining("no offset");
            assertInvalid(() -> EventCheck.check(orders, order().with("amount", 12.12345)))
                    .hasMessageContaining("5 decimal places, at most 4");
        }

        @Test
        @DisplayName("are never shown to the plugin when they fail the SDK's own checks")
        void pluginNotAskedAboutBadEvents() {
            assertInvalid(() -> EventCheck.check(orders, order().with("amount", "lots")));
            assertThat(orders.validated).isEmpty();
        }
    }

    @Nested
    @DisplayName("limits")
    class Limits {

        @Test
        @DisplayName("at most 64 attributes, not 65")
        void attributeCount() {
            TestTrigger many = strings(70);
            assertThat(EventCheck.check(many, withAttributes(many, stringValues(64, 1)))).hasSize(64);
            assertInvalid(() -> EventCheck.check(many, withAttributes(many, stringValues(65, 1))))
                    .hasMessageContaining("event has 65 attributes, at most 64");
        }

        @Test
        @DisplayName("a string value of at most 4,096 characters, not 4,097")
        void stringLength() {
            assertThat(EventCheck.check(orders, order().with("status", "s".repeat(4096)))).containsKey("status");
            assertInvalid(() -> EventCheck.check(orders, order().with("status", "s".repeat(4097))))
                    .hasMessageContaining("attribute 'status' is 4097 characters long, at most 4096");
        }

        @Test
        @DisplayName("a payload of at most 65,536 characters, names and canonical values: exactly 65,536 passes")
        void payloadAtTheLimit() {
            TestTrigger wide = strings(17);
            // 16 attributes of a 3-character name and a 4,093-character value: 16 × 4,096 = 65,536.
            assertThat(EventCheck.check(wide, withAttributes(wide, stringValues(16, 4093)))).hasSize(16);
        }

        @Test
        @DisplayName("a payload one character over the limit fails")
        void payloadOneOver() {
            TestTrigger wide = strings(17);
            Map<String, Object> values = stringValues(16, 4093);
            values.put("s16", "x".repeat(4094));
            assertInvalid(() -> EventCheck.check(wide, withAttributes(wide, values)))
                    .hasMessage("INVALID_INPUT: event attributes come to 65537 characters (names and values),"
                            + " at most 65536");
            Map<String, Object> oneMore = stringValues(16, 4093);
            oneMore.put("s17", "");
            assertInvalid(() -> EventCheck.check(wide, withAttributes(wide, oneMore)))
                    .as("an empty value still counts its name").hasMessageContaining("65539 characters");
        }

        @Test
        @DisplayName("the payload counts values as stored, not as sent: \"100.0000\" counts as \"100\"")
        void payloadCountsCanonicalText() {
            List<AttributeSpec> specs = new ArrayList<>();
            specs.add(AttributeSpec.optional("n", AttributeType.NUMBER));
            IntStream.rangeClosed(1, 16).forEach(i -> specs.add(AttributeSpec.optional(String.format("s%02d", i),
                    AttributeType.STRING)));
            TestTrigger mixed = new TestTrigger("mixed", specs, attributes -> List.of());
            Map<String, Object> values = stringValues(16, 4093);
            values.put("s16", "x".repeat(4089)); // leaves 4 characters: "n" and "100"
            values.put("n", "100.0000");
            assertThat(EventCheck.check(mixed, withAttributes(mixed, values))).containsEntry("n", new BigDecimal("100"));
            values.put("n", "1000");
            assertInvalid(() -> EventCheck.check(mixed, withAttributes(mixed, values)))
                    .hasMessageContaining("65537 characters");
        }

        @Test
        @DisplayName("are public constants")
        void constants() {
            assertThat(EventCheck.MAX_ATTRIBUTES).isEqualTo(64);
            assertThat(EventCheck.MAX_STRING_LENGTH).isEqualTo(4096);
            assertThat(EventCheck.MAX_PAYLOAD_LENGTH).isEqualTo(64 * 1024);
            assertThat(EventCheck.MAX_EVENT_ID_LENGTH).isEqualTo(200);
            assertThat(EventCheck.MAX_CONTACT_KEY_LENGTH).isEqualTo(255);
        }
    }

    @Nested
    @DisplayName("the plugin's own validation")
    class PluginValidation {

        @Test
        @DisplayName("turns the problems it reports into one InvalidInputException")
        void problems() {
            TestTrigger strict = orders.validating(attributes -> List.of("amount must be positive",
                    "status 'x' is unknown"));
            assertInvalid(() -> EventCheck.check(strict, order()))
                    .hasMessage("INVALID_INPUT: trigger 'order.created' rejected the event: amount must be positive;"
                            + " status 'x' is unknown");
        }

        @Test
        @DisplayName("lists at most 20 problems and counts the rest")
        void manyProblems() {
            TestTrigger picky = orders.validating(attributes -> IntStream.rangeClosed(1, 25)
                    .mapToObj(i -> "problem " + i).toList());
            assertInvalid(() -> EventCheck.check(picky, order()))
                    .hasMessageContaining("problem 20; and 5 more").hasMessageNotContaining("problem 21");
        }

        @Test
        @DisplayName("that throws is a plugin failure carrying the plugin key and cause, not bad input")
        void throwing() {
            IllegalStateException bug = new IllegalStateException("boom");
            TestTrigger broken = orders.validating(attributes -> {
                throw bug;
            });
            assertThatThrownBy(() -> EventCheck.check(broken, order())).isInstanceOf(PluginFailure.class)
                    .isNotInstanceOf(InvalidInputException.class).hasCause(bug)
                    .hasMessageContaining("trigger plugin 'order.created' failed: validate threw")
                    .satisfies(e -> assertThat(((PluginFailure) e).pluginKey()).isEqualTo("order.created"));
        }

        @Test
        @DisplayName("that answers null, or a null problem, is a plugin failure")
        void nullAnswers() {
            assertThatThrownBy(() -> EventCheck.check(orders.validating(attributes -> null), order()))
                    .isInstanceOf(PluginFailure.class).hasMessageContaining("validate answered null");
            assertThatThrownBy(() -> EventCheck.check(orders.validating(attributes -> Collections.singletonList(null)),
                    order())).isInstanceOf(PluginFailure.class).hasMessageContaining("a null problem");
        }

        @Test
        @DisplayName("cannot change the converted attributes")
        void cannotModify() {
            TestTrigger meddling = orders.validating(attributes -> {
                attributes.put("status", "hacked");
                return List.of();
            });
            assertThatThrownBy(() -> EventCheck.check(meddling, order())).isInstanceOf(PluginFailure.class)
                    .hasCauseInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Nested
    @DisplayName("a plugin's declared attributes")
    class Declared {

        @Test
        @DisplayName("come by name in the plugin's order")
        void byName() {
            assertThat(EventCheck.declared(orders).keySet())
                    .containsExactly("order_id", "amount", "status", "items", "paid", "placed_at");
        }

        @Test
        @DisplayName("that repeat a name are a plugin failure")
        void repeated() {
            TestTrigger twice = new TestTrigger("t", List.of(AttributeSpec.required("a", AttributeType.STRING),
                    AttributeSpec.optional("a", AttributeType.NUMBER)), attributes -> List.of());
            assertThatThrownBy(() -> EventCheck.declared(twice)).isInstanceOf(PluginFailure.class)
                    .hasMessageContaining("declares attribute 'a' twice");
            assertThatThrownBy(() -> EventCheck.check(twice, TriggerEvent.of("e", "t", "c", NOW)))
                    .isInstanceOf(PluginFailure.class);
        }

        @Test
        @DisplayName("without a name or type, or null, are a plugin failure")
        void malformed() {
            for (List<AttributeSpec> specs : List.of(
                    List.of(new AttributeSpec(" ", AttributeType.STRING, true)),
                    List.of(new AttributeSpec("a", null, true)),
                    Collections.<AttributeSpec>singletonList(null))) {
                assertThatThrownBy(() -> EventCheck.declared(new TestTrigger("t", specs, attributes -> List.of())))
                        .isInstanceOf(PluginFailure.class).hasMessageContaining("without a name or type");
            }
            assertThatThrownBy(() -> EventCheck.declared(new TestTrigger("t", null, attributes -> List.of())))
                    .isInstanceOf(PluginFailure.class).hasMessageContaining("attributes answered null");
        }

        @Test
        @DisplayName("that cannot be listed because the plugin throws are a plugin failure")
        void throwing() {
            TriggerPlugin broken = new TriggerPlugin() {
                @Override
                public String key() {
                    return "broken";
                }

                @Override
                public String displayName() {
                    return "Broken";
                }

                @Override
                public List<AttributeSpec> attributes() {
                    throw new IllegalStateException("no attributes today");
                }
            };
            assertThatThrownBy(() -> EventCheck.declared(broken)).isInstanceOf(PluginFailure.class)
                    .hasMessageContaining("'broken' failed: attributes threw")
                    .hasRootCauseMessage("no attributes today");
            assertThatThrownBy(() -> EventCheck.check(broken, TriggerEvent.of("e", "broken", "c", NOW)))
                    .isInstanceOf(PluginFailure.class);
        }

        @Test
        @DisplayName("belong to a plugin whose key is not blank and does not throw")
        void brokenKey() {
            TriggerPlugin keyless = new TriggerPlugin() {
                @Override
                public String key() {
                    throw new UnsupportedOperationException("no key");
                }

                @Override
                public String displayName() {
                    return "Keyless";
                }

                @Override
                public List<AttributeSpec> attributes() {
                    return List.of();
                }
            };
            assertThatThrownBy(() -> EventCheck.declared(keyless)).isInstanceOf(PluginFailure.class)
                    .hasMessageContaining("key threw")
                    .satisfies(e -> assertThat(((PluginFailure) e).pluginKey()).contains("EventCheckTest"));
        }
    }
}
