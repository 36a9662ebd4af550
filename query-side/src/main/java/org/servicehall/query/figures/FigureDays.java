package org.servicehall.query.figures;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

import java.time.LocalDate;
import java.util.List;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** Writes contributions into the {@link FigureDay} rollups and reads a range of them. */
final class FigureDays {

    static final String VISITS = "visits";
    static final String CONSULTATIONS = "consultations";
    static final String WORK_ORDERS_COMPLETED = "workOrdersCompleted";
    static final String WORK_ORDERS_DUE = "workOrdersDue";
    static final String COMPLAINTS_CLOSED = "complaintsClosed";
    static final String CALLBACKS = "callbacks";

    private final MongoTemplate mongo;

    FigureDays(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** @param day the local date, ISO-8601 */
    static String id(String hallId, String day) {
        return hallId + "/" + day;
    }

    /** Sets one contribution to the day (ISO-8601); setting the same one again changes nothing. */
    void put(String hallId, String day, String section, String key, Object contribution) {
        // Converted here, without the entity's type, so the stored value carries no _class hint.
        Object value = mongo.getConverter().convertToMongoType(contribution);
        mongo.upsert(query(where("_id").is(id(hallId, day))),
                     new Update().set("hallId", hallId)
                                 .set("day", day)
                                 .set(section + "." + fieldName(key), value),
                     FigureDay.COLLECTION);
    }

    /** Removes a contribution that no longer belongs to that day (a complaint reopened after it was closed). */
    void remove(String hallId, String day, String section, String key) {
        mongo.updateFirst(query(where("_id").is(id(hallId, day))), new Update().unset(section + "." + fieldName(key)),
                          FigureDay.COLLECTION);
    }

    /** The rollups of the days from {@code from} to {@code to}, both included; days without any are missing. */
    List<FigureDay> read(String hallId, LocalDate from, LocalDate to) {
        List<String> ids = from.datesUntil(to.plusDays(1)).map(day -> id(hallId, day.toString())).toList();
        return mongo.find(query(where("_id").in(ids)), FigureDay.class);
    }

    void drop() {
        mongo.dropCollection(FigureDay.COLLECTION);
    }

    /**
     * Ids become field names: a dot would be read as a path and a leading dollar as an operator, so both are replaced
     * by their full-width forms, as MongoDB's documentation suggests. Keys are never read back as ids.
     */
    private static String fieldName(String key) {
        String name = key.replace('.', '\uff0e');
        return name.startsWith("$") ? '\uff04' + name.substring(1) : name;
    }
}
