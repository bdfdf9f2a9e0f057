package dev.journeys.jdbc;

import dev.journeys.spi.AttributeSpec;
import dev.journeys.spi.AttributeType;
import dev.journeys.spi.TriggerPlugin;
import java.util.List;

/** Listed in this module's test META-INF/services, so only discovery finds it. */
public class DiscoveredTestTrigger implements TriggerPlugin {

    static final String KEY = "test.discovered";

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public String displayName() {
        return "Discovered on the class path";
    }

    @Override
    public List<AttributeSpec> attributes() {
        return List.of(AttributeSpec.optional("note", AttributeType.STRING));
    }
}
