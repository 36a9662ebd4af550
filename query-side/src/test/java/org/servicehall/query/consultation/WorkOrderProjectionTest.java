package org.servicehall.query.consultation;

import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.servicehall.api.BusinessType;
import org.servicehall.api.Channel;
import org.servicehall.api.consultation.ConsultationOpened;
import org.servicehall.api.consultation.FindWorkOrder;
import org.servicehall.api.consultation.ListWorkOrders;
import org.servicehall.api.consultation.WorkOrderCompleted;
import org.servicehall.api.consultation.WorkOrderCreated;
import org.servicehall.api.consultation.WorkOrderDueSoon;
import org.servicehall.api.consultation.WorkOrderOverdue;
import org.servicehall.api.consultation.WorkOrderReminded;
import org.servicehall.api.consultation.WorkOrderStatus;
import org.servicehall.platform.testing.TestMongo;
import org.servicehall.query.support.EventFeed;
import org.servicehall.query.support.TestHalls;
import org.servicehall.query.support.Page;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WorkOrderProjectionTest {

    private static final Instant MONDAY_9 = Instant.parse("2026-11-30T01:00:00Z");

    private final TestMongo mongo = TestMongo.start();
    private final WorkOrderProjection projection = at(MONDAY_9);
    private final EventFeed feed = new EventFeed(projection);

    @AfterEach
    void close() {
        mongo.close();
    }

    private WorkOrderProjection at(Instant now) {
        return new WorkOrderProjection(mongo.mongoTemplate(), TestHalls.at(now));
    }

    private static Instant hours(double hours) {
        return MONDAY_9.plusSeconds((long) (hours * 3600));
    }

    private void consultation(String id, String hallId) {
        feed.apply(id, new ConsultationOpened(id, null, hallId, "clerk-1", Channel.PHONE,
                                              BusinessType.BILLING_INQUIRY, "customer-1", "张三", "138", "why?"),
                   MONDAY_9);
    }

    private DomainEventMessage<?> workOrder(String consultationId, String workOrderId, String department,
                                            Instant dueAt) {
        return feed.apply(consultationId, new WorkOrderCreated(consultationId, workOrderId, "clerk-1", department,
                                                               dueAt, "customer-1", "check the meter"), hours(1));
    }

    private static List<String> ids(Page<WorkOrderSummary> page) {
        return page.items().stream().map(WorkOrderSummary::workOrderId).toList();
    }

    private static ListWorkOrders open(String department, Boolean overdue) {
        return new ListWorkOrders(WorkOrderStatus.OPEN, department, null, overdue, null, null, 0, 50);
    }

    @Test
    void openOrdersComeNearestDueFirstWithTheirRemindersAndOverdueAsTheClockSays() {
        consultation("con-1", "hall-1");
        consultation("con-2", "hall-2");
        workOrder("con-1", "wo-1", "metering", hours(48));
        workOrder("con-1", "wo-2", "marketing", hours(24));
        workOrder("con-2", "wo-3", "metering", hours(72));
        feed.apply("con-1", new WorkOrderReminded("con-1", "wo-1", "clerk-2"), hours(20));
        feed.apply("con-1", new WorkOrderReminded("con-1", "wo-1", null), hours(40));
        feed.apply("con-1", new WorkOrderDueSoon("con-1", "wo-1", hours(48)), hours(44));

        WorkOrderSummary wo1 = at(hours(50)).handle(new FindWorkOrder("wo-1")).orElseThrow();
        assertThat(wo1.reminderCount()).isEqualTo(2);
        assertThat(wo1.lastRemindedAt()).isEqualTo(hours(40));
        assertThat(wo1.dueSoonAt()).isEqualTo(hours(44));
        assertThat(wo1.consultationId()).isEqualTo("con-1");
        assertThat(wo1.hallId()).isEqualTo("hall-1");
        assertThat(wo1.department()).isEqualTo("metering");
        assertThat(wo1.overdue()).isTrue();

        assertThat(ids(at(hours(2)).handle(open(null, null)))).containsExactly("wo-2", "wo-1", "wo-3");
        assertThat(ids(at(hours(30)).handle(open(null, true)))).containsExactly("wo-2");
        assertThat(ids(at(hours(30)).handle(open(null, false)))).containsExactly("wo-1", "wo-3");
        assertThat(ids(at(hours(50)).handle(open("metering", true)))).containsExactly("wo-1");
        assertThat(ids(at(hours(2)).handle(new ListWorkOrders(null, null, "hall-2", null, null, null, 0, 50))))
                .containsExactly("wo-3");
    }

    @Test
    void theCommandSidesOverdueRecordCountsEvenBeforeTheDueTimeByOurClock() {
        consultation("con-1", "hall-1");
        workOrder("con-1", "wo-1", "metering", hours(48));
        feed.apply("con-1", new WorkOrderOverdue("con-1", "wo-1", hours(48)), hours(48));

        assertThat(ids(at(hours(47)).handle(open(null, true)))).containsExactly("wo-1");
    }

    @Test
    void completedOrdersLeaveTheBoardAndAreFoundByTheDayTheyCompleted() {
        consultation("con-1", "hall-1");
        workOrder("con-1", "wo-1", "metering", hours(48));
        workOrder("con-1", "wo-2", "metering", hours(10));
        feed.apply("con-1", new WorkOrderCompleted("con-1", "wo-1", "metering-7", "metering", "customer-1", "ok"),
                   hours(30));
        feed.apply("con-1", new WorkOrderCompleted("con-1", "wo-2", "metering-7", "metering", "customer-1", "ok"),
                   hours(31));
        WorkOrderProjection reader = at(hours(100));

        assertThat(reader.handle(open(null, null)).items()).isEmpty();
        ListWorkOrders completed = new ListWorkOrders(WorkOrderStatus.COMPLETED, null, null, null, null, null, 0, 50);
        assertThat(ids(reader.handle(completed))).containsExactly("wo-2", "wo-1");
        assertThat(ids(reader.handle(new ListWorkOrders(WorkOrderStatus.COMPLETED, "metering", "hall-1", true, null,
                                                        null, 0, 50)))).containsExactly("wo-2");
        WorkOrderSummary done = reader.handle(new FindWorkOrder("wo-1")).orElseThrow();
        assertThat(done.status()).isEqualTo(WorkOrderStatus.COMPLETED);
        assertThat(done.completedBy()).isEqualTo("metering-7");
        assertThat(done.overdue()).isFalse();
    }

    @Test
    void everyEventDeliveredTwiceChangesNothing() {
        List<DomainEventMessage<?>> events = List.of(
                feed.event("con-1", new ConsultationOpened("con-1", null, "hall-1", "clerk-1", Channel.PHONE,
                                                           BusinessType.BILLING_INQUIRY, "customer-1", "x", "y", "z"),
                           MONDAY_9),
                feed.event("con-1", new WorkOrderCreated("con-1", "wo-1", "clerk-1", "metering", hours(48),
                                                         "customer-1", "check"), hours(1)),
                feed.event("con-1", new WorkOrderReminded("con-1", "wo-1", "clerk-2"), hours(2)),
                feed.event("con-1", new WorkOrderReminded("con-1", "wo-1", null), hours(3)));
        for (DomainEventMessage<?> event : events) {
            feed.handle(event, event);
        }
        feed.handle(events.toArray(DomainEventMessage[]::new));

        assertThat(at(hours(4)).handle(new FindWorkOrder("wo-1")).orElseThrow().reminderCount()).isEqualTo(2);
        assertThat(at(hours(4)).handle(open(null, null)).totalItems()).isEqualTo(1);
    }

    @Test
    void resettingEmptiesTheView() {
        consultation("con-1", "hall-1");
        workOrder("con-1", "wo-1", "metering", hours(48));

        projection.reset();

        assertThat(projection.handle(new FindWorkOrder("wo-1"))).isEmpty();
        assertThat(projection.handle(open(null, null)).items()).isEmpty();
    }
}
