package org.servicehall.query.visit;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A consultation, application, payment or complaint opened during a visit. Only its first event names the visit, so
 * the timeline remembers which visit its later events belong to.
 */
@Document(TimelineMember.COLLECTION)
record TimelineMember(@Id String aggregateId, String visitId, String hallId) {

    static final String COLLECTION = "visit_timeline_members";
}
