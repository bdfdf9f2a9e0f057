package dev.journeys.core.internal.moves;

import dev.journeys.api.Registration;
import dev.journeys.api.StageChange;
import dev.journeys.api.StageChangeListener;
import dev.journeys.api.Transition;
import dev.journeys.core.internal.input.Inputs;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Stage-change listeners. Called only after commit; one listener's failure touches nobody else. */
@Singleton
public final class ListenerHub {

    private static final Logger LOG = LoggerFactory.getLogger(ListenerHub.class);

    private record Entry(String tenant, StageChangeListener listener) {
    }

    private final List<Entry> entries = new CopyOnWriteArrayList<>();

    public Registration add(String tenant, StageChangeListener listener) {
        Entry entry = new Entry(tenant, Inputs.required("listener", listener));
        entries.add(entry);
        return () -> entries.remove(entry);
    }

    void committed(String tenant, Transition transition) {
        StageChange change = null;
        for (Entry entry : entries) {
            if (!entry.tenant().equals(tenant)) {
                continue;
            }
            if (change == null) {
                change = new StageChange(tenant, transition);
            }
            try {
                entry.listener().onStageChange(change);
            } catch (RuntimeException e) {
                LOG.warn("Stage-change listener {} failed on transition {}; the move stands",
                        entry.listener(), transition.id(), e);
            }
        }
    }
}
