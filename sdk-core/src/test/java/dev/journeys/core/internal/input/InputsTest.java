package dev.journeys.core.internal.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.journeys.api.Actor;
import dev.journeys.api.ErrorCode;
import dev.journeys.api.ExpectedStage;
import dev.journeys.api.InvalidInputException;
import dev.journeys.api.JourneyId;
import dev.journeys.api.JourneyService;
import dev.journeys.api.MoveRequest;
import dev.journeys.api.MoveSource;
import dev.journeys.api.StageId;
import dev.journeys.core.internal.moves.HostMoves;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** What hosts may pass in: bad input fails with a typed {@link InvalidInputException} before anything is written. */
@DisplayName("Inputs")
class InputsTest {

    /** Fails unless {@code call} throws an {@link InvalidInputException} with code INVALID_INPUT. */
    static AbstractThrowableAssert<?, ? extends Throwable> assertInvalid(ThrowingCallable call) {
        AbstractThrowableAssert<?, ? extends Throwable> thrown =
                assertThatThrownBy(call).isInstanceOf(InvalidInputException.class);
        thrown.extracting(e -> ((InvalidInputException) e).code()).isEqualTo(ErrorCode.INVALID_INPUT);
        return thrown;
    }

    @Nested
    @DisplayName("tenant names")
    class Tenants {

        @ParameterizedTest(name = "\"{0}\" is a tenant name")
        @ValueSource(strings = {"default", "acme", "ACME", "acme-eu_1.prod", "a", "0", "-", "_", "."})
        void accepted(String tenant) {
            assertThat(Inputs.tenant(tenant)).isEqualTo(tenant);
        }

        @Test
        @DisplayName("may be 64 characters long, not 65")
        void lengthLimit() {
            assertThat(Inputs.tenant("t".repeat(64))).hasSize(64);
            assertInvalid(() -> Inputs.tenant("t".repeat(65)));
        }

        @ParameterizedTest(name = "\"{0}\" is not a tenant name")
        @NullAndEmptySource
        @ValueSource(strings = {" ", " acme", "acme ", "ac me", "acme/eu", "acme:1", "acme@eu", "äcme", "acme\n",
                "acme\t", "ac\u0000me", "аcme" /* Cyrillic а */, "acme;drop"})
        void refused(String tenant) {
            assertInvalid(() -> Inputs.tenant(tenant));
        }

        @Test
        @DisplayName("are taken as given: never trimmed or case-folded")
        void notNormalised() {
            assertThat(Inputs.tenant("Acme")).isEqualTo("Acme");
            assertInvalid(() -> Inputs.tenant(" Acme"));
        }

        @Test
        @DisplayName("are quoted in the error, cut short when very long")
        void errorMessage() {
            assertInvalid(() -> Inputs.tenant("a b")).hasMessageContaining("'a b'");
            assertInvalid(() -> Inputs.tenant(null)).hasMessageContaining("null");
            String longName = "x".repeat(100) + " ";
            assertInvalid(() -> Inputs.tenant(longName))
                    .hasMessageContaining("'" + "x".repeat(80) + "…'")
                    .hasMessageNotContaining("x".repeat(81));
        }
    }

    @Nested
    @DisplayName("names of journeys, stages and actors")
    class Names {

        @Test
        @DisplayName("lose their surrounding whitespace, keep their inner spaces")
        void trimmed() {
            assertThat(Inputs.name("stage name", "  Demo Complete  ")).isEqualTo("Demo Complete");
            assertThat(Inputs.name("stage name", "\tDemo\n")).isEqualTo("Demo");
            assertThat(Inputs.name("stage name", "\u2003Demo\u2003")).as("Unicode whitespace").isEqualTo("Demo");
        }

        @Test
        @DisplayName("keep letters of any script and symbols")
        void anyScript() {
            assertThat(Inputs.name("journey name", "Ventes — Été 2024 🚀")).isEqualTo("Ventes — Été 2024 🚀");
            assertThat(Inputs.name("journey name", "営業")).isEqualTo("営業");
        }

        @Test
        @DisplayName("are required")
        void required() {
            assertInvalid(() -> Inputs.name("journey name", null)).hasMessageContaining("journey name is required");
        }

        @ParameterizedTest(name = "\"{0}\" is blank")
        @ValueSource(strings = {"", " ", "   ", "\t", "\n", " \t\r\n ", "\u2003"})
        void notBlank(String blank) {
            assertInvalid(() -> Inputs.name("stage name", blank)).hasMessageContaining("stage name must not be blank");
        }

        @ParameterizedTest(name = "a control character inside a name is refused: U+{0}")
        @ValueSource(strings = {"0000", "0007", "0009", "000A", "000D", "001B", "007F", "0085", "009F"})
        void noControlCharacters(String hex) {
            char control = (char) Integer.parseInt(hex, 16);
            assertInvalid(() -> Inputs.name("stage name", "Demo" + control + "Complete"))
                    .hasMessageContaining("stage name must not contain control characters");
        }

        @Test
        @DisplayName("a control character that is not whitespace is refused even at the edge")
        void controlAtTheEdge() {
            assertInvalid(() -> Inputs.name("stage name", "Demo\u0000"));
            assertInvalid(() -> Inputs.name("stage name", "Demo\u0085"));
        }

        @Test
        @DisplayName("may be 200 characters long, not 201, counted after trimming")
        void lengthLimit() {
            assertThat(JourneyService.MAX_NAME_LENGTH).isEqualTo(200);
            assertThat(Inputs.name("stage name", "n".repeat(200))).hasSize(200);
            assertThat(Inputs.name("stage name", "   " + "n".repeat(200) + "   ")).hasSize(200);
            assertInvalid(() -> Inputs.name("stage name", "n".repeat(201)))
                    .hasMessageContaining("stage name is longer than 200 characters");
        }
    }

    @Nested
    @DisplayName("contact keys")
    class ContactKeys {

        @Test
        @DisplayName("are identifiers, taken exactly as given")
        void verbatim() {
            assertThat(Inputs.contactKey("contact-42")).isEqualTo("contact-42");
            assertThat(Inputs.contactKey("ann@example.com")).isEqualTo("ann@example.com");
        }

        @ParameterizedTest(name = "\"{0}\" is not a contact key")
        @NullAndEmptySource
        @ValueSource(strings = {" ", "\t", "\n "})
        void notBlank(String key) {
            assertInvalid(() -> Inputs.contactKey(key)).hasMessageContaining("contact key must not be blank");
        }

        @Test
        @DisplayName("may be 255 characters long, not 256")
        void lengthLimit() {
            assertThat(JourneyService.MAX_CONTACT_KEY_LENGTH).isEqualTo(255);
            assertThat(Inputs.contactKey("k".repeat(255))).hasSize(255);
            assertInvalid(() -> Inputs.contactKey("k".repeat(256))).hasMessageContaining("longer than 255");
        }
    }

    @Nested
    @DisplayName("move requests")
    class Moves {

        static final JourneyId JOURNEY = new JourneyId(1);
        static final StageId STAGE = new StageId(2);

        static MoveRequest validRequest() {
            return MoveRequest.to("contact-1", JOURNEY, STAGE, Actor.person("ann"))
                    .expecting(ExpectedStage.notInJourney())
                    .withNote("first call");
        }

        @Test
        @DisplayName("a complete request passes, as does an exit")
        void complete() {
            assertThatCode(() -> HostMoves.of(validRequest())).doesNotThrowAnyException();
            assertThatCode(() -> HostMoves.of(MoveRequest.exit("contact-1", JOURNEY, Actor.person("ann"))))
                    .doesNotThrowAnyException();
        }

        static Stream<MoveRequest> incomplete() {
            MoveRequest v = validRequest();
            return Stream.of(
                    new MoveRequest(null, v.journeyId(), v.target(), v.actor(), v.expected(), v.note()),
                    new MoveRequest(" ", v.journeyId(), v.target(), v.actor(), v.expected(), v.note()),
                    new MoveRequest(v.contactKey(), null, v.target(), v.actor(), v.expected(), v.note()),
                    new MoveRequest(v.contactKey(), v.journeyId(), null, v.actor(), v.expected(), v.note()),
                    new MoveRequest(v.contactKey(), v.journeyId(), v.target(), null, v.expected(), v.note()),
                    new MoveRequest(v.contactKey(), v.journeyId(), v.target(), v.actor(), null, v.note()),
                    new MoveRequest(v.contactKey(), v.journeyId(), v.target(), v.actor(), v.expected(), null),
                    new MoveRequest(v.contactKey(), v.journeyId(), v.target(), Actor.person(" "), v.expected(),
                            v.note()));
        }

        @ParameterizedTest
        @MethodSource("incomplete")
        @DisplayName("a request missing a part is refused")
        void incomplete(MoveRequest request) {
            assertInvalid(() -> HostMoves.of(request));
        }

        @Test
        @DisplayName("is refused when null")
        void nullRequest() {
            assertInvalid(() -> HostMoves.of(null)).hasMessageContaining("move request is required");
        }

        @Test
        @DisplayName("may carry a note of 2000 characters, not 2001")
        void noteLength() {
            assertThat(JourneyService.MAX_NOTE_LENGTH).isEqualTo(2000);
            assertThatCode(() -> HostMoves.of(validRequest().withNote("n".repeat(2000)))).doesNotThrowAnyException();
            assertInvalid(() -> HostMoves.of(validRequest().withNote("n".repeat(2001))))
                    .hasMessageContaining("note is longer than 2000");
        }
    }

    @Nested
    @DisplayName("actors, the only source of a move a host states")
    class Actors {

        @Test
        @DisplayName("are returned as given when valid and already trimmed, of the kind given")
        void valid() {
            assertThat(Inputs.actor(Actor.person("ann"))).isEqualTo(Actor.person("ann"));
            assertThat(Inputs.actor(Actor.integration("hubspot-sync"))).isEqualTo(Actor.integration("hubspot-sync"));
        }

        @Test
        @DisplayName("are required")
        void required() {
            assertInvalid(() -> Inputs.actor(null)).hasMessageContaining("actor is required");
        }

        @Test
        @DisplayName("need a name of 1 to 200 characters without control characters")
        void namesRequired() {
            assertInvalid(() -> Inputs.actor(Actor.person(null))).hasMessageContaining("actor name");
            assertInvalid(() -> Inputs.actor(Actor.integration(" "))).hasMessageContaining("actor name");
            assertInvalid(() -> Inputs.actor(Actor.person("a\u0000nn"))).hasMessageContaining("control");
            assertInvalid(() -> Inputs.actor(Actor.person("a".repeat(201)))).hasMessageContaining("longer than 200");
        }

        /** What passes validation is what history records: no surrounding whitespace hiding extra length. */
        @ParameterizedTest(name = "{0}")
        @MethodSource("paddedActors")
        @DisplayName("an actor that passes validation is written as validated")
        void validatedActorIsWhatGetsWritten(Actor actor) {
            Actor accepted = Inputs.actor(actor);
            assertThat(accepted.name()).isEqualTo(accepted.name().strip())
                    .hasSizeLessThanOrEqualTo(JourneyService.MAX_NAME_LENGTH);
            assertThat(accepted.getClass()).isEqualTo(actor.getClass());
        }

        static Stream<Actor> paddedActors() {
            String longest = "a".repeat(JourneyService.MAX_NAME_LENGTH);
            return Stream.of(Actor.person(" " + longest + " "), Actor.integration(" sync "));
        }
    }

}
