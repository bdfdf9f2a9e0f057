package dev.journeys.jdbc.contract;

/** Runs against {@code JOURNEYS_TEST_POSTGRES_URL}, or an embedded PostgreSQL when it is not set. */
class PostgresStorageTest extends StorageContract {

    @Override
    protected String jdbcUrl() {
        return Databases.postgresUrl();
    }
}
