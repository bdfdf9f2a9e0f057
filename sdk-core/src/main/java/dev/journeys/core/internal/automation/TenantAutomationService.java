package dev.journeys.core.internal.automation;

import dev.journeys.api.Automation;
import dev.journeys.api.AutomationService;
import dev.journeys.api.AutomationSpec;
import dev.journeys.api.EventResult;
import dev.journeys.api.InvalidInputException;
import dev.journeys.api.NotFoundException;
import dev.journeys.api.Page;
import dev.journeys.api.PageRequest;
import dev.journeys.api.RunLogQuery;
import dev.journeys.api.RunRecord;
import dev.journeys.api.TriggerEvent;
import dev.journeys.core.internal.input.Inputs;
import dev.journeys.core.internal.input.Pages;
import dev.journeys.core.internal.input.SdkState;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** The automations of one tenant. */
public final class TenantAutomationService implements AutomationService {

    private final String tenant;
    private final SdkState state;
    private final AutomationEngine engine;
    private final AutomationDefinitions definitions;
    private final AutomationStorage storage;
    private final AsyncEvents async;

    public TenantAutomationService(String tenant, SdkState state, AutomationEngine engine, AutomationDefinitions definitions, AutomationStorage storage,
                            AsyncEvents async) {
        this.tenant = tenant;
        this.state = state;
        this.engine = engine;
        this.definitions = definitions;
        this.storage = storage;
        this.async = async;
    }

    @Override
    public Automation create(AutomationSpec spec) {
        state.check();
        Automation created = definitions.create(tenant, spec);
        engine.forget(tenant, created.triggerType());
        return created;
    }

    @Override
    public List<Automation> list() {
        state.check();
        return definitions.list(tenant);
    }

    @Override
    public Optional<Automation> find(long id) {
        state.check();
        return definitions.find(tenant, id);
    }

    @Override
    public Automation setEnabled(long id, boolean enabled) {
        state.check();
        Automation changed = definitions.setEnabled(tenant, id, enabled)
                .orElseThrow(() -> NotFoundException.automation(id));
        engine.forget(tenant, changed.triggerType());
        return changed;
    }

    @Override
    public List<String> problems() {
        state.check();
        return definitions.problems(tenant);
    }

    @Override
    public EventResult publish(TriggerEvent event) {
        state.check();
        return engine.publish(tenant, event);
    }

    @Override
    public CompletableFuture<EventResult> publishAsync(TriggerEvent event) {
        state.check();
        return async.submit(tenant, event);
    }

    @Override
    public Page<RunRecord> runLog(RunLogQuery query, PageRequest page) {
        state.check();
        Inputs.required("run log query", query);
        Inputs.required("page", page);
        Optional<Long> before = page.after().map(TenantAutomationService::cursor);
        List<RunRecord> found = storage.runLog(tenant, query, before, page.limit() + 1);
        return Pages.of(engine.withConditions(tenant, found, List.of()), page.limit(), r -> Long.toString(r.id()));
    }

    private static long cursor(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("not a run log cursor: " + Pages.clip(text));
        }
    }
}
