package org.servicehall.query.rebuild;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A view's stored documents, to compare two generations. Lists are compared as multisets: a rebuild applies events in
 * the store's order, live processors in several segments at once, so list members arrive in different orders (views
 * that show a list in an order sort it when read).
 */
public final class ViewDocuments {

    private ViewDocuments() {
    }

    /** The collection's documents by id, each as a tree of sorted maps and sorted lists. */
    public static Map<String, Object> of(MongoDatabase database, String collection) {
        Map<String, Object> documents = new HashMap<>();
        for (Document document : database.getCollection(collection).find()) {
            documents.put(document.get("_id").toString(), normalized(document));
        }
        return documents;
    }

    private static Object normalized(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((key, member) -> sorted.put(key.toString(), normalized(member)));
            return sorted;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(ViewDocuments::normalized).sorted(Comparator.comparing(String::valueOf))
                       .toList();
        }
        return value;
    }
}
