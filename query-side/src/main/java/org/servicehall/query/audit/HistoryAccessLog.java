package org.servicehall.query.audit;

import jakarta.servlet.http.HttpServletRequest;
import org.servicehall.platform.signin.Caller;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The record of who read which history, and when ({@code history_access_log}). Every request under
 * {@code /api/history/**} and {@code /api/customers/**} is recorded before it is answered (see {@link AccessLogging}),
 * so the endpoints there need not call this; {@link #record(String)} is for a read of a history that is not an HTTP
 * request of its own (an export, say). If the record cannot be written, the read fails: no unrecorded reads.
 */
@Component
public class HistoryAccessLog {

    private final MongoTemplate mongo;
    private final Clock clock = Clock.systemUTC();

    HistoryAccessLog(MongoTemplate mongo) {
        this.mongo = mongo;
        // Serves the time-window reads on MongoDB (the embedded server scans instead).
        mongo.indexOps(Access.class).createIndex(new Index(Access.AT, Sort.Direction.ASC));
    }

    /** Records that the current caller made {@code request}: its method, path and query string. */
    public void record(HttpServletRequest request) {
        String query = request.getQueryString();
        record(request.getMethod() + " " + request.getRequestURI() + (query == null ? "" : "?" + query));
    }

    /** Records that the current caller read what {@code what} describes. It must name no personal data. */
    public void record(String what) {
        Caller caller = Caller.current();
        mongo.insert(new Access(UUID.randomUUID().toString(), clock.instant(), caller.name(), caller.roles(), what));
    }

    /** Up to {@code limit} records from {@code from} (inclusive) to {@code to} (exclusive), oldest first. */
    List<Access> between(Instant from, Instant to, int limit) {
        return mongo.find(query(where(Access.AT).gte(from).lt(to)).with(Sort.by(Access.AT, "_id")).limit(limit),
                          Access.class);
    }
}
