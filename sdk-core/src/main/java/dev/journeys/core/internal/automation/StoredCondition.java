package dev.journeys.core.internal.automation;

import dev.journeys.api.Operator;
import java.util.List;

/** A condition with its operands in canonical text form. */
public record StoredCondition(String attribute, Operator operator, List<String> operands) {
    public StoredCondition {
        operands = List.copyOf(operands);
    }
}
