package org.servicehall.query.support;

import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The documents of one view, kept so that boards stay fast however much history piles up. The embedded server answers
 * only {@code _id} (and unique-index) equality or {@code $in} from an index and scans for everything else, so:
 * <ul>
 *     <li>{@code <name>} holds every document, read by {@code _id} only;</li>
 *     <li>{@code open_<name>} holds a copy of each open one: the boards read this small collection whole;</li>
 *     <li>{@code <name>_closed_by_day} holds one bucket per closing day (in its hall's zone), {@code _id} the day,
 *     listing what closed that day with the values archive queries filter by; a paged archive query reads the
 *     buckets of its days by {@code _id} and then the page's documents by {@code _id}.</li>
 * </ul>
 * Every write can be repeated ({@link SequencedDocuments}): the copy and the bucket entry are written before the
 * document itself.
 */
public final class ViewCollections<T extends ViewCollections.ViewDocument<T>> {

    /** A document of a view kept in {@link ViewCollections}. */
    public interface ViewDocument<T> extends SequencedDocuments.Sequenced<T> {

        /** The hall it belongs to, whose zone says which day it closed on. */
        String hallId();

        /** When it closed; null while it is open. */
        Instant closedAt();

        /** The values archive queries filter closed documents by (e.g. hall, department); null values are left out. */
        Map<String, String> archiveTags();
    }

    /** What closed on one day. */
    record ClosedDay(@Id String day, List<Closed> entries) {
    }

    /** One closed document in its day's bucket; its tags are sorted so that the same entry is always equal. */
    record Closed(String id, Instant closedAt, SortedMap<String, String> tags) {
    }

    private final MongoTemplate mongo;
    private final Class<T> type;
    private final HallTime time;
    private final SequencedDocuments<T> documents;
    private final String open;
    private final String closedByDay;
    private final List<String> openFilterFields;

    /**
     * @param name             the view's collection; the others are named after it
     * @param openFilterFields the fields the boards filter the open documents by, indexed on a real MongoDB
     */
    public ViewCollections(MongoTemplate mongo, Class<T> type, String name, HallTime time,
                           List<String> openFilterFields) {
        this.mongo = mongo;
        this.type = type;
        this.time = time;
        this.documents = new SequencedDocuments<>(mongo, type, name, this::reflect);
        this.open = open(name);
        this.closedByDay = closedByDay(name);
        this.openFilterFields = List.copyOf(openFilterFields);
    }

    /** The collections of a view kept in {@code ViewCollections} named {@code name}, for its {@code ViewDefinition}. */
    public static List<String> collections(String name) {
        return List.of(name, open(name), closedByDay(name));
    }

    private static String open(String name) {
        return "open_" + name;
    }

    private static String closedByDay(String name) {
        return name + "_closed_by_day";
    }

    /** Stores the document an aggregate's first event creates, unless that event was applied before. */
    public void create(DomainEventMessage<?> event, T document) {
        documents.create(event, document);
    }

    /**
     * Applies a later event to its document, unless it was applied before; see {@link SequencedDocuments#update}.
     *
     * @return the document as it now is
     */
    public T update(String id, DomainEventMessage<?> event, UnaryOperator<T> change) {
        return documents.update(id, event, change);
    }

    /**
     * Keeps the copy and the bucket entry in step with the document: an entry that changed (reopened, or its tags
     * moved while closed) is replaced, so a document is never listed twice.
     */
    private void reflect(T before, T after) {
        Closed was = before == null || before.closedAt() == null ? null : entry(before);
        Closed is = after.closedAt() == null ? null : entry(after);
        if (was != null && !was.equals(is)) {
            mongo.updateFirst(query(where("_id").is(dayKey(before))), new Update().pull("entries", was),
                              ClosedDay.class, closedByDay);
        }
        if (is == null) {
            mongo.save(after, open);
        } else {
            // Other aggregates' events, on other segments' threads, may be adding to the same day at once.
            ViewUpdates.upsert(mongo, ClosedDay.class, closedByDay, dayKey(after), new Update().addToSet("entries", is));
            mongo.remove(query(where("_id").is(after.id())), open);
        }
    }

    private String dayKey(T document) {
        return time.dayOf(document.hallId(), document.closedAt()).toString();
    }

    private Closed entry(T document) {
        SortedMap<String, String> tags = new TreeMap<>(document.archiveTags());
        tags.values().removeIf(Objects::isNull);
        return new Closed(document.id(), document.closedAt(), tags);
    }

    /** Archive tags from keys and values, alternating; values are written as text, null ones left out. */
    public static Map<String, String> tags(Object... keysAndValues) {
        Map<String, String> tags = new TreeMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                tags.put((String) keysAndValues[i], keysAndValues[i + 1].toString());
            }
        }
        return tags;
    }

    public T find(String id) {
        return documents.find(id);
    }

    /** The open documents whose fields equal the given values (null values match everything). */
    public List<T> open(Map<String, ?> equalTo) {
        Criteria criteria = new Criteria();
        equalTo.forEach((field, value) -> {
            if (value != null) {
                criteria.and(field).is(value);
            }
        });
        return mongo.find(query(criteria), type, open);
    }

    /**
     * One page of the documents closed within the given days whose archive tags have the given values (null values
     * match everything), last closed first.
     */
    public Page<T> closed(DayRange days, Map<String, String> tags, int page, int size) {
        List<String> dayKeys = days.days().stream().map(Object::toString).toList();
        List<Closed> matching = mongo.find(query(where("_id").in(dayKeys)), ClosedDay.class, closedByDay).stream()
                                     .flatMap(day -> day.entries().stream())
                                     .filter(entry -> tags.entrySet().stream().allMatch(
                                             tag -> tag.getValue() == null
                                                     || tag.getValue().equals(entry.tags().get(tag.getKey()))))
                                     .sorted(Comparator.comparing(Closed::closedAt).reversed()
                                                       .thenComparing(Closed::id))
                                     .toList();
        Page<Closed> entries = Page.of(matching, page, size);
        List<String> ids = entries.items().stream().map(Closed::id).toList();
        Map<String, T> byId = documents.findAll(ids).stream()
                                       .collect(Collectors.toMap(T::id, Function.identity()));
        // An entry left behind by a crash between reopening and dropping it names a document that is open again.
        return new Page<>(ids.stream().map(byId::get).filter(Objects::nonNull)
                             .filter(document -> document.closedAt() != null).toList(),
                          page, size, entries.totalItems(), entries.totalPages());
    }

    /** Declares the indexes a real MongoDB uses for the boards' filters (the embedded server ignores them). */
    public void ensureIndexes() {
        openFilterFields.forEach(field -> mongo.indexOps(open).createIndex(new Index().on(field, Sort.Direction.ASC)));
    }

    /** Empties the view for a replay. */
    public void reset() {
        documents.drop();
        for (String collection : List.of(open, closedByDay)) {
            if (mongo.collectionExists(collection)) {
                mongo.dropCollection(collection);
            }
        }
        ensureIndexes();
    }
}
