package org.servicehall.query.figures;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.event.CommandSucceededEvent;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.servicehall.api.BusinessType;
import org.servicehall.api.figures.FigureGrouping;
import org.servicehall.api.figures.FindServiceFigures;
import org.servicehall.api.visit.CounterCalled;
import org.servicehall.api.visit.CustomerSeenOff;
import org.servicehall.api.visit.QueueTicketIssued;
import org.servicehall.api.visit.VisitStarted;
import org.servicehall.platform.testing.TestMongo;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Not a timing, a count: reading a month of figures fetches one rollup per day, by primary key, whether the hall had
 * two visits a day or twenty, so the cost of a read follows the length of the range, not the length of the history.
 */
class FiguresReadCostTest {

    private static final LocalDate FIRST = LocalDate.parse("2026-10-01");
    private static final LocalDate LAST = LocalDate.parse("2026-10-30");

    private final ReadsOfRollups reads = new ReadsOfRollups();
    private final TestMongo mongo = TestMongo.start(reads);
    private final FiguresProjection projection =
            new FiguresProjection(mongo.mongoTemplate(), new FiguresProperties(Duration.ofMinutes(15)),
                                  HallDay.calendar());

    @AfterEach
    void close() {
        mongo.close();
    }

    @Test
    void aMonthReadsThirtyRollupsHoweverManyVisitsTheyHold() throws Exception {
        // days around the month, and another hall's visits, are history the reads must not touch
        seed("quiet-hall", FIRST.minusDays(3), LAST.plusDays(3), 1);
        seed("busy-hall", FIRST.minusDays(3), LAST.plusDays(3), 10);

        ReadsOfRollups.Count quiet = reads.during(() -> month("quiet-hall"));
        ReadsOfRollups.Count busy = reads.during(() -> month("busy-hall"));

        assertThat(quiet.documents()).isEqualTo(30);
        assertThat(busy).isEqualTo(quiet);
        assertThat(reads.filters).allSatisfy(filter -> assertThat(filter.keySet()).containsExactly("_id"));
        assertThat(reads.filters).allSatisfy(filter -> assertThat(filter.getDocument("_id").keySet())
                .containsExactly("$in"));
        assertThat(month("busy-hall").total().arrivals()).isEqualTo(30 * 10);
    }

    private ServiceFigures month(String hall) {
        return projection.handle(new FindServiceFigures(hall, FIRST, LAST, FigureGrouping.DAY, HallDay.AS_OF));
    }

    private void seed(String hall, LocalDate from, LocalDate to, int visitsPerDay) throws Exception {
        AnnotationEventHandlerAdapter handlers = new AnnotationEventHandlerAdapter(projection);
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            HallDay events = new HallDay();
            for (int i = 0; i < visitsPerDay; i++) {
                String visit = hall + "-" + day + "-" + i;
                events.on(visit, HallDay.at(day, "09:00"), new VisitStarted(visit, hall));
                events.on(visit, HallDay.at(day, "09:01"), new QueueTicketIssued(visit, "A" + i,
                                                                                 BusinessType.BILL_PAYMENT));
                events.on(visit, HallDay.at(day, "09:02").plusSeconds(60L * i), new CounterCalled(visit, "clerk",
                                                                                               "1", "A" + i));
                events.on(visit, HallDay.at(day, "10:00"), new CustomerSeenOff(visit, "clerk", true));
            }
            for (var event : events.events()) {
                handlers.handle(event);
            }
        }
    }

    /** Counts the commands that read {@code figure_days} and the documents they return. */
    static final class ReadsOfRollups implements CommandListener {

        record Count(int commands, int documents) {
        }

        final List<BsonDocument> filters = new ArrayList<>();
        private final List<Integer> cursors = new ArrayList<>();
        private volatile boolean counting;
        private int commands;
        private int documents;

        synchronized Count during(Runnable read) {
            commands = 0;
            documents = 0;
            counting = true;
            read.run();
            counting = false;
            return new Count(commands, documents);
        }

        @Override
        public synchronized void commandStarted(CommandStartedEvent event) {
            if (!counting) {
                return;
            }
            BsonDocument command = event.getCommand();
            boolean find = event.getCommandName().equals("find")
                    && command.getString("find").getValue().equals(FigureDay.COLLECTION);
            boolean more = event.getCommandName().equals("getMore")
                    && command.getString("collection").getValue().equals(FigureDay.COLLECTION);
            if (find) {
                // a copy: the event's document reads from a buffer that is released once the command is sent
                filters.add(BsonDocument.parse(command.getDocument("filter").toJson()));
            }
            if (find || more) {
                cursors.add(event.getRequestId());
            }
        }

        @Override
        public synchronized void commandSucceeded(CommandSucceededEvent event) {
            if (!cursors.remove((Integer) event.getRequestId())) {
                return;
            }
            BsonDocument cursor = event.getResponse().getDocument("cursor");
            BsonArray batch = cursor.containsKey("firstBatch") ? cursor.getArray("firstBatch")
                    : cursor.getArray("nextBatch");
            commands++;
            documents += batch.size();
        }
    }
}
