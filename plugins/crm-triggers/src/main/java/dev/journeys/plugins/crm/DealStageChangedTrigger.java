package dev.journeys.plugins.crm;

import static dev.journeys.spi.AttributeType.BOOLEAN;
import static dev.journeys.spi.AttributeType.MONEY;
import static dev.journeys.spi.AttributeType.STRING;
import static dev.journeys.spi.AttributeType.TIMESTAMP;

import dev.journeys.spi.AttributeSpec;
import dev.journeys.spi.TriggerPlugin;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code deal.stage_changed}: a deal of the contact's moved to another stage in the CRM.
 *
 * <p>Where the values come from:
 * <table>
 *   <caption>CRM fields behind each attribute</caption>
 *   <tr><th>attribute</th><th>HubSpot deal property</th><th>Salesforce Opportunity field</th></tr>
 *   <tr><td>deal_id</td><td>hs_object_id</td><td>Id</td></tr>
 *   <tr><td>new_stage</td><td>dealstage</td><td>StageName</td></tr>
 *   <tr><td>old_stage</td><td>previous dealstage value</td><td>OpportunityFieldHistory OldValue</td></tr>
 *   <tr><td>pipeline</td><td>pipeline</td><td>(sales process of the record type, if any)</td></tr>
 *   <tr><td>amount</td><td>amount</td><td>Amount</td></tr>
 *   <tr><td>currency</td><td>deal_currency_code</td><td>CurrencyIsoCode</td></tr>
 *   <tr><td>closed</td><td>hs_is_closed</td><td>IsClosed</td></tr>
 *   <tr><td>close_date</td><td>closedate</td><td>CloseDate</td></tr>
 * </table>
 * The old stage is optional because a property-change webhook often carries only the new value. The close
 * date is optional and may lie in the future: both CRMs use it for the expected close of an open deal.
 */
public final class DealStageChangedTrigger implements TriggerPlugin {

    public static final String KEY = "deal.stage_changed";

    private static final List<AttributeSpec> ATTRIBUTES = List.of(
            AttributeSpec.required("deal_id", STRING),
            AttributeSpec.optional("old_stage", STRING),
            AttributeSpec.required("new_stage", STRING),
            AttributeSpec.optional("pipeline", STRING),
            AttributeSpec.optional("amount", MONEY),
            AttributeSpec.optional("currency", STRING),
            // Free text ("hubspot", "salesforce", ...): a closed list would turn away the next CRM a host adds.
            AttributeSpec.optional("source_system", STRING),
            AttributeSpec.optional("closed", BOOLEAN),
            AttributeSpec.optional("close_date", TIMESTAMP));

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public String displayName() {
        return "Deal stage changed";
    }

    @Override
    public List<AttributeSpec> attributes() {
        return ATTRIBUTES;
    }

    /** Its checks read only the attributes given: no thread hand-off or time limit needed. */
    @Override
    public boolean validateMayBlock() {
        return false;
    }

    @Override
    public List<String> validate(Map<String, Object> attributes) {
        List<String> problems = new ArrayList<>();
        AttributeChecks.notBlank(attributes, "deal_id", problems);
        AttributeChecks.notBlank(attributes, "new_stage", problems);
        AttributeChecks.differs(attributes, "old_stage", "new_stage", problems);
        AttributeChecks.notNegative(attributes, "amount", problems);
        AttributeChecks.currencyCode(attributes, "currency", problems);
        return List.copyOf(problems);
    }
}
