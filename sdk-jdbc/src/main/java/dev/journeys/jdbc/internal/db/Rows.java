package dev.journeys.jdbc.internal.db;

import dev.journeys.api.JourneyId;
import dev.journeys.api.Placement;
import dev.journeys.api.StageId;
import dev.journeys.api.Transition;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** Row mappers and the one way instants cross the JDBC boundary (UTC offset date-times). */
public final class Rows {

    private Rows() {
    }

    public static OffsetDateTime utc(Instant instant) {
        // Not OffsetDateTime.ofInstant: it builds a ZoneRules object per call, which showed in profiles.
        return OffsetDateTime.of(LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC),
                ZoneOffset.UTC);
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    /** Null for SQL null: for the few nullable instants read on hot paths, where an Optional per row showed. */
    public static Instant instantOrNull(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    public static Optional<StageId> stage(ResultSet rs, String column) throws SQLException {
        long id = rs.getLong(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(new StageId(id));
    }

    public static final RowMapper<Placement> PLACEMENT = (ResultSet rs, StatementContext ctx) -> new Placement(
            rs.getString("contact_key"), new JourneyId(rs.getLong("journey_id")), new StageId(rs.getLong("stage_id")),
            instant(rs, "entered_at"), rs.getLong("version"));

    public static final RowMapper<Transition> TRANSITION = (ResultSet rs, StatementContext ctx) -> new Transition(
            rs.getLong("id"), new JourneyId(rs.getLong("journey_id")), rs.getString("contact_key"),
            stage(rs, "from_stage_id"), stage(rs, "to_stage_id"),
            instant(rs, "effective_at"), instant(rs, "recorded_at"),
            SourceCodec.decode(rs.getString("source_kind"), rs.getString("source_ref"), rs.getString("source_detail"),
                    rs.getString("actor_kind")),
            Optional.ofNullable(rs.getString("note")), rs.getLong("placement_version"));
}
