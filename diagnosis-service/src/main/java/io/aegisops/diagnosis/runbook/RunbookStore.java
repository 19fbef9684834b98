package io.aegisops.diagnosis.runbook;

import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code runbook_section} table ({@code V5__runbooks.sql}): sections, their content hashes and embeddings, and
 * the full-text index over them. Plain JDBC rather than an entity because the two columns that matter are
 * PostgreSQL's own ({@code real[]}, a generated {@code tsvector}) and every statement is one SQL line.
 */
@ApplicationScoped
public class RunbookStore {

    private final DataSource dataSource;

    public RunbookStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Section id → content hash of what is stored. */
    public Map<String, String> hashes() {
        Map<String, String> hashes = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("select id, content_hash from runbook_section");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                hashes.put(rows.getString(1), rows.getString(2));
            }
            return hashes;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the runbook index", e);
        }
    }

    /**
     * Stores the changed sections and removes every section that is no longer in {@code keep}, in one transaction:
     * the index never mixes two sets of runbooks.
     *
     * @return how many stored sections were removed
     */
    public int replace(Map<RunbookSection, float[]> changed, Map<RunbookSection, String> hashes, List<String> keep) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                upsert(connection, changed, hashes);
                int removed;
                try (PreparedStatement delete = connection.prepareStatement(
                        "delete from runbook_section where not (id = any (?))")) {
                    delete.setArray(1, connection.createArrayOf("text", keep.toArray()));
                    removed = delete.executeUpdate();
                }
                connection.commit();
                return removed;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store the runbook index", e);
        }
    }

    private static void upsert(Connection connection, Map<RunbookSection, float[]> changed,
                               Map<RunbookSection, String> hashes) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("""
                insert into runbook_section (id, runbook, title, section, position, body, content_hash, embedding,
                                             indexed_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (id) do update set runbook = excluded.runbook, title = excluded.title,
                    section = excluded.section, position = excluded.position, body = excluded.body,
                    content_hash = excluded.content_hash, embedding = excluded.embedding,
                    indexed_at = excluded.indexed_at""")) {
            Timestamp now = Timestamp.from(Instant.now());
            for (Map.Entry<RunbookSection, float[]> entry : changed.entrySet()) {
                RunbookSection section = entry.getKey();
                upsert.setString(1, section.id());
                upsert.setString(2, section.runbook());
                upsert.setString(3, section.title());
                upsert.setString(4, section.section());
                upsert.setInt(5, section.position());
                upsert.setString(6, section.text());
                upsert.setString(7, hashes.get(section));
                upsert.setArray(8, connection.createArrayOf("float4", boxed(entry.getValue())));
                upsert.setTimestamp(9, now);
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    /** Every stored section with its embedding, in runbook and section order. */
    public List<IndexedSection> all() {
        List<IndexedSection> sections = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "select id, runbook, title, section, position, body, embedding from runbook_section "
                             + "order by runbook, position");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                RunbookSection section = new RunbookSection(rows.getString(1), rows.getString(2), rows.getString(3),
                        rows.getString(4), rows.getInt(5), rows.getString(6));
                sections.add(new IndexedSection(section, unboxed(rows.getArray(7))));
            }
            return sections;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the runbook index", e);
        }
    }

    /**
     * PostgreSQL's full-text rank of every section that shares a word (stemmed, English) with the query: any word,
     * not all of them, since a query is a sentence rather than a keyword list.
     *
     * @return section id → {@code ts_rank_cd} normalised to [0, 1); sections without a common word are absent
     */
    public Map<String, Double> textRanks(String query) {
        Map<String, Double> ranks = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("""
                     select s.id, ts_rank_cd(s.tsv, q.query, 32)
                     from runbook_section s,
                          (select replace(plainto_tsquery('english', ?)::text, ' & ', ' | ')::tsquery as query) q
                     where s.tsv @@ q.query""")) {
            statement.setString(1, query);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ranks.put(rows.getString(1), rows.getDouble(2));
                }
            }
            return ranks;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot search the runbook index", e);
        }
    }

    private static Float[] boxed(float[] vector) {
        Float[] boxed = new Float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            boxed[i] = vector[i];
        }
        return boxed;
    }

    private static float[] unboxed(Array array) throws SQLException {
        Object[] values = (Object[]) array.getArray();
        float[] vector = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            vector[i] = ((Number) values[i]).floatValue();
        }
        return vector;
    }
}
