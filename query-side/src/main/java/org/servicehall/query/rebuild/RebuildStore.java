package org.servicehall.query.rebuild;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Rebuilds in MongoDB ({@value RebuildDocument#COLLECTION}). An instance runs one only while it holds its claim, and
 * every write of a running rebuild is conditional on that claim: an instance that lost it (paused past the claim
 * timeout, say, while another took over) changes nothing and stops.
 */
@Component
class RebuildStore {

    /** How many rebuilds the list shows, most recent first. */
    static final int RECENT = 50;

    private final MongoTemplate mongo;

    RebuildStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The running rebuild's claim was taken over by another instance (or the rebuild is gone). */
    static final class LostClaim extends RuntimeException {

        LostClaim(String id) {
            super("Rebuild " + id + " is no longer claimed by this instance");
        }
    }

    void create(RebuildDocument rebuild) {
        mongo.insert(rebuild);
    }

    Optional<RebuildDocument> find(String id) {
        return Optional.ofNullable(mongo.findById(id, RebuildDocument.class));
    }

    /** The most recent rebuilds (a handful of documents per rebuild ever made, so sorting them costs little). */
    List<RebuildDocument> recent() {
        return mongo.find(new Query().with(Sort.by(Sort.Direction.DESC, "requestedAt")).limit(RECENT),
                          RebuildDocument.class);
    }

    /**
     * Claims the rebuild for {@code owner} if it waits for an instance or its owner's claim has lapsed.
     *
     * @return the rebuild as claimed (running), if this instance got it
     */
    Optional<RebuildDocument> claim(String id, String owner, Instant now, Instant until) {
        Update claim = new Update().set("owner", owner).set("claimedUntil", until);
        boolean started = mongo.updateFirst(query(where("_id").is(id).and("status").is(RebuildStatus.PENDING)),
                                            claim.set("status", RebuildStatus.RUNNING).set("startedAt", now),
                                            RebuildDocument.class).getModifiedCount() == 1;
        boolean takenOver = !started && mongo.updateFirst(
                query(where("_id").is(id).and("status").in(RebuildStatus.RUNNING, RebuildStatus.SWAPPED)
                                  .and("claimedUntil").lt(now)),
                new Update().set("owner", owner).set("claimedUntil", until),
                RebuildDocument.class).getModifiedCount() == 1;
        return started || takenOver ? find(id) : Optional.empty();
    }

    /** Stores progress (as of a whole commit) and renews the claim. */
    void progress(String id, String owner, GapAwareTrackingToken token, long eventsDone, long eventsApplied,
                  long headPosition, double eventsPerSecond, Instant until) {
        Update update = new Update().set("eventsDone", eventsDone).set("eventsApplied", eventsApplied)
                                    .set("headPosition", headPosition).set("claimedUntil", until);
        if (eventsPerSecond >= 0) {
            update.set("eventsPerSecond", eventsPerSecond);
        }
        if (token != null) {
            update.set("tokenIndex", token.getIndex()).set("tokenGaps", new ArrayList<>(token.getGaps()));
        }
        owned(id, owner, update);
    }

    void swapped(String id, String owner, Instant now, Instant graceUntil) {
        owned(id, owner, new Update().set("status", RebuildStatus.SWAPPED).set("swappedAt", now)
                                     .set("graceUntil", graceUntil));
    }

    void completed(String id, String owner, Instant now) {
        owned(id, owner, new Update().set("status", RebuildStatus.COMPLETED).set("finishedAt", now)
                                     .unset("owner").unset("claimedUntil"));
    }

    void failed(String id, String owner, Instant now, String error) {
        owned(id, owner, new Update().set("status", RebuildStatus.FAILED).set("finishedAt", now).set("error", error)
                                     .unset("owner").unset("claimedUntil"));
    }

    /** Gives the rebuild up for another instance (or this one, later) to go on with at once. */
    void release(String id, String owner) {
        mongo.updateFirst(query(where("_id").is(id).and("owner").is(owner)),
                          new Update().unset("owner").set("claimedUntil", Instant.EPOCH), RebuildDocument.class);
    }

    private void owned(String id, String owner, Update update) {
        if (mongo.updateFirst(query(where("_id").is(id).and("owner").is(owner)), update, RebuildDocument.class)
                 .getMatchedCount() == 0) {
            throw new LostClaim(id);
        }
    }
}
