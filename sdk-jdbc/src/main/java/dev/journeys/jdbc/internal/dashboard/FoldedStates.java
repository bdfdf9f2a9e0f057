package dev.journeys.jdbc.internal.dashboard;

import dev.journeys.core.internal.dashboard.ContactFold;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The per-contact fold states this instance last wrote, so that a contact that moves again soon is not
 * read back from {@code dash_contacts}: that read was the largest part of the fold once earlier entries
 * came with the history. Trusted only while the database is where this instance's own last fold left
 * it, the mark and the rebuild count both unchanged: another folder's commit or a repair clears it.
 * A contact not held here is read from the database, which is always right, so the bound only costs reads.
 */
final class FoldedStates {

    /** About 300 bytes a contact: some 15 MB at most. */
    static final int CAPACITY = 50_000;

    /** Where the database stood when the states were written: the mark and the count of rebuilds. */
    record Point(DashboardFold.Mark mark, long rebuilds) {
    }

    private final Map<ContactFold.ContactKey, ContactFold.State> states = new LinkedHashMap<>(1_024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ContactFold.ContactKey, ContactFold.State> eldest) {
            return size() > CAPACITY;
        }
    };
    private Point trustedAt;

    /**
     * Starts a fold from {@code now}, holding the mark's lock: keeps the states only if nothing else has
     * written since this instance's last commit. Until {@link #committed} they follow the fold's own
     * uncommitted writes, so any end but a commit must call {@link #forget}.
     */
    synchronized void begin(Point now) {
        if (!now.equals(trustedAt)) {
            states.clear();
        }
        trustedAt = null;
    }

    synchronized ContactFold.State get(ContactFold.ContactKey key) {
        return states.get(key);
    }

    /** The states a run leaves, written in the fold's transaction. */
    synchronized void putAll(Map<ContactFold.ContactKey, ContactFold.State> written) {
        states.putAll(written);
    }

    synchronized void committed(Point at) {
        trustedAt = at;
    }

    synchronized void forget() {
        states.clear();
        trustedAt = null;
    }

    synchronized int size() {
        return states.size();
    }
}
