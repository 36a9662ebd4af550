package org.servicehall.query.support;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import org.bson.BsonDocument;

import java.util.ArrayList;
import java.util.List;

/** Records the queries a test's MongoDB client sends, to check which collections a read touches and how. */
public final class Reads implements CommandListener {

    /** One {@code find}: the collection it read and its filter. */
    public record Find(String collection, BsonDocument filter) {

        /** Whether the filter is {@code _id} equality or {@code $in} only, which every server answers by key. */
        public boolean byId() {
            return filter.keySet().equals(java.util.Set.of("_id"))
                    && (!filter.get("_id").isDocument() || filter.getDocument("_id").keySet().equals(
                    java.util.Set.of("$in")));
        }
    }

    private final List<Find> finds = new ArrayList<>();

    @Override
    public synchronized void commandStarted(CommandStartedEvent event) {
        if (event.getCommandName().equals("find")) {
            BsonDocument command = event.getCommand();
            finds.add(new Find(command.getString("find").getValue(),
                               command.containsKey("filter") ? command.getDocument("filter").clone()
                                       : new BsonDocument()));
        }
    }

    public synchronized List<Find> finds() {
        return List.copyOf(finds);
    }

    public synchronized void clear() {
        finds.clear();
    }
}
