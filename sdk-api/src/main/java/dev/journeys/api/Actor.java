package dev.journeys.api;

/**
 * Who acted, by name: a person or an integration. It is the only source of a move a host can state; the
 * SDK alone makes the others (automations, imports, undo, system journeys, the relocation out of a removed
 * stage), so history and the dashboard credit every move to what truly made it.
 *
 * <pre>{@code
 * journeys.move(MoveRequest.to("ada@example.com", sales.id(), demo.id(), Actor.person("ann")));
 * journeys.move(MoveRequest.to("bob@example.com", sales.id(), trial.id(), Actor.integration("hubspot-sync")));
 * }</pre>
 *
 * <p>A name is 1 to {@value JourneyService#MAX_NAME_LENGTH} characters, without control characters;
 * surrounding spaces are dropped.
 */
public sealed interface Actor extends MoveSource permits Actor.Person, Actor.Integration {

    String name();

    /** A person acting from a contact's profile or an admin screen. */
    record Person(String name) implements Actor {
        @Override
        public SourceKind kind() {
            return SourceKind.MANUAL;
        }
    }

    /** Another system acting for the host: a CRM sync, a webhook, a script. */
    record Integration(String name) implements Actor {
        @Override
        public SourceKind kind() {
            return SourceKind.INTEGRATION;
        }
    }

    static Actor person(String name) {
        return new Person(name);
    }

    static Actor integration(String name) {
        return new Integration(name);
    }
}
