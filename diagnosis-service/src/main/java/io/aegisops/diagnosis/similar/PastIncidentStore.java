package io.aegisops.diagnosis.similar;

import io.aegisops.contract.Action;
import io.aegisops.contract.AlertType;
import io.aegisops.contract.ApprovalDecision;
import io.aegisops.contract.IncidentStatus;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The {@code past_incident} table ({@code V6__past_incidents.sql}). Plain JDBC, as {@code RunbookStore}, because the
 * column that matters is PostgreSQL's {@code real[]} and the similarity is computed by the query: past incidents grow
 * with the service's life, so they are not all read into memory as the tens of runbook sections are. Inside a
 * transaction (a Kafka record's) the connection takes part in it.
 */
@ApplicationScoped
public class PastIncidentStore {

    private static final String COLUMNS = "incident_id, diagnosis_id, target, service, alert_types, root_cause, "
            + "action, proposed_action, status, decision, decided_by, closed_at, body";

    private final DataSource dataSource;

    public PastIncidentStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Inserts the incident or rewrites its row. The close time is kept when it closes again with the same status (a
     * redelivery), so it says when it closed, not when it was last heard of.
     *
     * @param embedding its text's unit-length embedding, null when the model failed (made again at start-up)
     */
    public void upsert(PastIncident past, float[] embedding, String model) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement upsert = connection.prepareStatement("insert into past_incident (" + COLUMNS
                     + ", embedding, model, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                     + """
                     on conflict (incident_id) do update set diagnosis_id = excluded.diagnosis_id,
                         target = excluded.target, service = excluded.service, alert_types = excluded.alert_types,
                         root_cause = excluded.root_cause, action = excluded.action,
                         proposed_action = excluded.proposed_action, decision = excluded.decision,
                         decided_by = excluded.decided_by,
                         closed_at = case when past_incident.status = excluded.status then past_incident.closed_at
                                          else excluded.closed_at end,
                         status = excluded.status, body = excluded.body, embedding = excluded.embedding,
                         model = excluded.model, updated_at = excluded.updated_at""")) {
            Outcome outcome = past.outcome();
            upsert.setObject(1, past.incidentId());
            upsert.setObject(2, past.diagnosisId());
            upsert.setString(3, past.target());
            upsert.setString(4, past.service());
            upsert.setString(5, past.alertTypes().stream().map(Enum::name).collect(Collectors.joining(",")));
            upsert.setString(6, past.rootCause());
            upsert.setString(7, outcome.action().name());
            upsert.setString(8, outcome.proposed().name());
            upsert.setString(9, outcome.status().name());
            upsert.setString(10, outcome.decision() == null ? null : outcome.decision().name());
            upsert.setString(11, outcome.actor());
            upsert.setTimestamp(12, Timestamp.from(past.closedAt().toInstant()));
            upsert.setString(13, past.body());
            upsert.setArray(14, embedding == null ? null : connection.createArrayOf("float4", boxed(embedding)));
            upsert.setString(15, embedding == null ? null : model);
            upsert.setTimestamp(16, Timestamp.from(OffsetDateTime.now(ZoneOffset.UTC).toInstant()));
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store past incident " + past.incidentId(), e);
        }
    }

    public Optional<PastIncident> find(UUID incidentId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "select " + COLUMNS + " from past_incident where incident_id = ?")) {
            select.setObject(1, incidentId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(read(rows)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read past incident " + incidentId, e);
        }
    }

    /**
     * The past incidents most similar to a text's embedding, best first. Similarities equal to two decimals (as the
     * evidence line shows them) are a tie, which an incident of {@code service} wins, then the more recent one.
     *
     * @param query   the unit-length embedding of the new incident's text
     * @param model   the model that made it: embeddings of another model are not comparable
     * @param exclude the incident asking, never its own similar incident
     * @param service its service, preferred on ties
     * @param min     the lowest similarity returned
     * @param limit   how many at most
     */
    public List<SimilarIncident> mostSimilar(float[] query, String model, UUID exclude, String service, double min,
                                             int limit) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("select " + COLUMNS + ", similarity from ("
                     + "select p.*, (select sum(a::float8 * b::float8) from unnest(p.embedding, ?::real[]) v(a, b)) "
                     + "as similarity from past_incident p "
                     + "where p.embedding is not null and p.model = ? and p.incident_id <> ?) s "
                     + "where similarity >= ? "
                     + "order by round(similarity::numeric, 2) desc, (service is not distinct from ?) desc, "
                     + "similarity desc, closed_at desc limit ?")) {
            select.setArray(1, connection.createArrayOf("float4", boxed(query)));
            select.setString(2, model);
            select.setObject(3, exclude);
            select.setDouble(4, min);
            select.setString(5, service);
            select.setInt(6, limit);
            List<SimilarIncident> found = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(SimilarIncident.of(read(rows), rows.getDouble(14)));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot search the past incidents", e);
        }
    }

    /** Incident id → text of the rows without an embedding of {@code model} (the model failed or changed). */
    public Map<UUID, String> unembedded(String model) {
        Map<UUID, String> texts = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "select incident_id, body from past_incident where embedding is null or model is distinct from ? "
                             + "order by closed_at")) {
            select.setString(1, model);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    texts.put(rows.getObject(1, UUID.class), rows.getString(2));
                }
            }
            return texts;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the past incidents", e);
        }
    }

    /** Sets the embedding of a row unless its text changed meanwhile (then the writer embedded the new one). */
    public void embedded(UUID incidentId, String body, float[] embedding, String model) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "update past_incident set embedding = ?, model = ? where incident_id = ? and body = ?")) {
            update.setArray(1, connection.createArrayOf("float4", boxed(embedding)));
            update.setString(2, model);
            update.setObject(3, incidentId);
            update.setString(4, body);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store the embedding of past incident " + incidentId, e);
        }
    }

    private static PastIncident read(ResultSet rows) throws SQLException {
        String types = rows.getString(5);
        String decision = rows.getString(10);
        Outcome outcome = new Outcome(IncidentStatus.valueOf(rows.getString(9)), Action.valueOf(rows.getString(7)),
                Action.valueOf(rows.getString(8)), decision == null ? null : ApprovalDecision.Kind.valueOf(decision),
                rows.getString(11));
        return new PastIncident(rows.getObject(1, UUID.class), rows.getObject(2, UUID.class), rows.getString(3),
                rows.getString(4), types.isBlank() ? List.of()
                : Arrays.stream(types.split(",")).map(AlertType::valueOf).toList(), rows.getString(6), outcome,
                rows.getObject(12, OffsetDateTime.class), rows.getString(13));
    }

    private static Float[] boxed(float[] vector) {
        Float[] boxed = new Float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            boxed[i] = vector[i];
        }
        return boxed;
    }
}
