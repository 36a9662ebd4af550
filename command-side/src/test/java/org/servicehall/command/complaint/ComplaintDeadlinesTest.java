package org.servicehall.command.complaint;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.servicehall.api.Channel;
import org.servicehall.api.complaint.AcknowledgeComplaint;
import org.servicehall.api.complaint.ComplaintAcknowledged;
import org.servicehall.api.complaint.ComplaintClass;
import org.servicehall.api.complaint.ComplaintEscalated;
import org.servicehall.api.complaint.ComplaintKind;
import org.servicehall.api.complaint.ComplaintLimitApproaching;
import org.servicehall.api.complaint.ComplaintRegistered;
import org.servicehall.api.complaint.RegisterComplaint;
import org.servicehall.command.CommandSideTest;
import org.servicehall.platform.deadline.MongoDeadlineManager;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.servicehall.api.complaint.ComplaintLimit.FIRST_CONTACT;
import static org.servicehall.api.complaint.ComplaintLimit.REPLY;

/**
 * Complaint limits on the running command side: the hall calendar's due times, and deadlines kept in MongoDB that
 * fire back into the complaint. A complaint is registered "a month ago" so its limits are already due; this class has a
 * context of its own, so the deadlines pending are this class's.
 */
@CommandSideTest
@TestPropertySource(properties = "hall.calendar.halls.slow-hall.complaint-limits.first-contact=60")
class ComplaintDeadlinesTest {

    @Autowired
    CommandGateway commands;

    @Autowired
    EventStore eventStore;

    @Autowired
    MongoDeadlineManager deadlines;

    private List<Object> events(String complaintId) {
        return eventStore.readEvents(complaintId).asStream().<Object>map(EventMessage::getPayload).toList();
    }

    private String registerAMonthAgo(String hallId) {
        String id = UUID.randomUUID().toString();
        Clock clock = GenericEventMessage.clock;
        GenericEventMessage.clock = Clock.fixed(Instant.now().minus(Duration.ofDays(30)), ZoneOffset.UTC);
        try {
            commands.sendAndWait(new RegisterComplaint(id, null, hallId, "clerk-2", ComplaintKind.COMPLAINT,
                                                       ComplaintClass.SERVICE, Channel.PHONE, false, "c-1", "Li Lei",
                                                       "13900000000", "Nobody answered the phone"));
        } finally {
            GenericEventMessage.clock = clock;
        }
        return id;
    }

    @Test
    void missedLimitsWarnAndEscalate() {
        String id = registerAMonthAgo("hall-1");
        ComplaintRegistered registered = (ComplaintRegistered) events(id).get(0);

        await().atMost(Duration.ofSeconds(30)).until(() -> events(id).size() == 5);

        assertThat(events(id)).containsExactlyInAnyOrder(
                registered,
                new ComplaintLimitApproaching(id, FIRST_CONTACT, registered.firstContactDueAt()),
                new ComplaintEscalated(id, FIRST_CONTACT, registered.firstContactDueAt()),
                new ComplaintLimitApproaching(id, REPLY, registered.replyDueAt()),
                new ComplaintEscalated(id, REPLY, registered.replyDueAt()));
    }

    @Test
    void aMetLimitsDeadlinesAreCancelled() {
        // at this hall the first contact is due in 60 working days, long after the reply
        String id = registerAMonthAgo("slow-hall");
        commands.sendAndWait(new AcknowledgeComplaint(id, "clerk-2"));
        ComplaintRegistered registered = (ComplaintRegistered) events(id).get(0);
        assertThat(registered.firstContactDueAt()).isAfter(Instant.now());

        await().atMost(Duration.ofSeconds(30)).until(() -> deadlines.pending() == 0);

        assertThat(events(id)).containsExactly(registered, new ComplaintAcknowledged(id, "clerk-2"),
                                               new ComplaintLimitApproaching(id, REPLY, registered.replyDueAt()),
                                               new ComplaintEscalated(id, REPLY, registered.replyDueAt()));
    }
}
