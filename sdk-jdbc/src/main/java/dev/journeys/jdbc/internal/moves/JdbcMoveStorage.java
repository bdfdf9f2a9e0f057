package dev.journeys.jdbc.internal.moves;

import dev.journeys.core.internal.storage.MoveStorage;
import dev.journeys.core.internal.storage.WriteTransaction;
import dev.journeys.jdbc.internal.db.Database;
import dev.journeys.jdbc.internal.db.Db;

/** Opens the transactions of the move path on plain JDBC ({@link JdbcWriteTransaction}). */
public final class JdbcMoveStorage implements MoveStorage {

    private final Database database;

    public JdbcMoveStorage(Database database) {
        this.database = database;
    }

    @Override
    public WriteTransaction begin(String tenant, boolean readOnly) {
        Db db = database.db();
        BatchWriter writer = database.perOpen(BatchWriter.class, d -> new BatchWriter(d.dialect));
        return new JdbcWriteTransaction(db, writer, database.dataSource(), database.commits(), tenant, readOnly);
    }
}
