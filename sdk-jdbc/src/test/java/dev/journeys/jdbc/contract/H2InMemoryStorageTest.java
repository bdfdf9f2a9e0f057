package dev.journeys.jdbc.contract;

import java.util.UUID;

class H2InMemoryStorageTest extends StorageContract {

    private final String url = "jdbc:h2:mem:contract-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

    @Override
    protected String jdbcUrl() {
        return url;
    }
}
