package org.servicehall.platform.testing;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.servicehall.platform.eventstore.CommitLayoutUpgrade;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;

/**
 * Events of earlier shapes, exactly as a real run of an earlier version stored them (see
 * {@code event-fixtures/README.md}), put into a store so that aggregates load them and processors read them like any
 * history. Each commit document goes in as recorded except for its global position: fixtures from different runs
 * all start at 1, so they are appended after the store's head, in their recorded order, and the counter the event
 * store takes positions from is moved past them. Fixtures in the event store's first layout then get their stream
 * keys from the event store's own upgrade ({@link CommitLayoutUpgrade}), as a store of the previous version does when
 * this one first starts on it (the store under test was upgraded when it started, before they were put in).
 */
public final class EventFixtures {

    private EventFixtures() {
    }

    /**
     * @param resource a class path resource holding a JSON array of {@code events} documents in MongoDB's canonical
     *                 extended JSON (which keeps every stored type: 64-bit numbers, dates)
     * @return the commits appended; none if the fixture was loaded into this store before
     */
    public static List<Document> load(MongoDatabase database, String resource) {
        MongoCollection<Document> events = database.getCollection("events");
        List<Document> commits = Document.parse("{\"commits\": " + read(resource) + "}")
                                         .getList("commits", Document.class).stream()
                                         .sorted(Comparator.comparing(commit -> commit.getLong("globalIndex")))
                                         .filter(commit -> events.find(Filters.eq("_id", commit.get("_id")))
                                                                 .first() == null)
                                         .toList();
        if (commits.isEmpty()) {
            return commits;
        }
        // The counter the event store takes positions from (GlobalPositions), as a writer reserves them.
        Document counter = database.getCollection("event_sequence").findOneAndUpdate(
                Filters.eq("_id", "globalIndex"), Updates.inc("value", (long) commits.size()),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.BEFORE));
        long head = counter == null ? 0 : counter.get("value", Number.class).longValue();
        for (int i = 0; i < commits.size(); i++) {
            commits.get(i).put("globalIndex", head + 1 + i);
        }
        events.insertMany(commits);
        CommitLayoutUpgrade.upgrade(database);
        return commits;
    }

    private static String read(String resource) {
        try (InputStream in = EventFixtures.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No fixture " + resource + " on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
