package org.servicehall.query.figures;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.servicehall.api.BusinessType;
import org.servicehall.api.Channel;
import org.servicehall.api.MetadataKeys;
import org.servicehall.api.complaint.CallbackRecorded;
import org.servicehall.api.complaint.ComplaintAcknowledged;
import org.servicehall.api.complaint.ComplaintClass;
import org.servicehall.api.complaint.ComplaintClosed;
import org.servicehall.api.complaint.ComplaintKind;
import org.servicehall.api.complaint.ComplaintRegistered;
import org.servicehall.api.complaint.ComplaintReopened;
import org.servicehall.api.complaint.ComplaintResolved;
import org.servicehall.api.complaint.Satisfaction;
import org.servicehall.api.consultation.ConsultationClosed;
import org.servicehall.api.consultation.ConsultationOpened;
import org.servicehall.api.consultation.InquiryAnswered;
import org.servicehall.api.consultation.WorkOrderCompleted;
import org.servicehall.api.consultation.WorkOrderCreated;
import org.servicehall.api.visit.AppointmentBooked;
import org.servicehall.api.visit.CounterCalled;
import org.servicehall.api.visit.CustomerGreeted;
import org.servicehall.api.visit.CustomerLeftWithoutService;
import org.servicehall.api.visit.CustomerRerouted;
import org.servicehall.api.visit.CustomerSeenOff;
import org.servicehall.api.visit.Destination;
import org.servicehall.api.visit.HandOverMethod;
import org.servicehall.api.visit.HandedOverToBackOffice;
import org.servicehall.api.visit.NeedIdentified;
import org.servicehall.api.visit.QueueTicketIssued;
import org.servicehall.api.visit.RerouteReason;
import org.servicehall.api.visit.RoutedToBackOffice;
import org.servicehall.api.visit.RoutedToCounter;
import org.servicehall.api.visit.RoutedToDepartment;
import org.servicehall.api.visit.RoutedToSelfService;
import org.servicehall.api.visit.TransferredToDepartment;
import org.servicehall.api.visit.VisitStarted;
import org.servicehall.platform.calendar.ComplaintTimeLimits;
import org.servicehall.platform.calendar.ServiceCalendar;
import org.servicehall.platform.calendar.WorkingDayCalendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A seeded day at hall-1 (Friday 2026-11-27 in Asia/Shanghai, UTC+8) and the morning after, as events with the
 * sequence numbers and {@code occurredAt} metadata the command side gives them. Every event is recorded long after it
 * happened (an offline terminal syncing at night), so figures computed from the recording time would be wrong.
 * <p>
 * The visits, with waiting (ticket → call) and service (call → next ticket or see-off) times:
 * <pre>
 * v1  09:00 BILLING_INQUIRY    guide-1 → counter, ticket 09:01, clerk-A 09:11, seen off 09:20  wait 600  serv 540
 * v2  09:30 NEW_CONNECTION     guide-1 → counter, ticket 09:31, clerk-B 09:51, seen off 10:10  wait 1200 serv 1140
 * v3  10:00 BILLING_INQUIRY    guide-2 → counter, ticket 10:01, walked out 10:30               (never called)
 * v4  10:15 NEW_CONNECTION     guide-2 → self-service, re-routed for a WRONG JUDGEMENT to a counter 10:20,
 *                              ticket 10:21, clerk-A 10:29, seen off 10:50                      wait 480  serv 1260
 * v5  11:00 BILLING_INQUIRY    guide-1 → counter, ticket 11:01, clerk-B 11:05; re-routed by clerk-B (NEED CHANGED)
 *                              11:10, need now BILL_PAYMENT, ticket 11:12, clerk-C 11:20, seen off 11:30
 *                                                    wait 240 + 480 = 720, service 420 + 600 = 1020
 * v6  13:00 BILL_PAYMENT       guide-1 → self-service, seen off 13:10                           SELF_SERVED
 * v7  13:30 NEW_CONNECTION     guide-2 → back office, handed over (reached), seen off 13:45     HANDED_OVER
 * v8  14:00 CAPACITY_INCREASE  guide-2 → metering, nobody reached, appointment, seen off 14:20 APPOINTMENT
 * v9  23:50 BILLING_INQUIRY    guide-1 → counter, ticket 23:52, clerk-A 00:08 (next day), seen off 00:20
 *                                                                                               wait 960  serv 720
 * v10 07:30 (23:30 UTC the day before) no need identified, ticket METER_TEST 07:31, clerk-C 07:40,
 *                              seen off 07:45                                                   wait 540  serv 300
 * v11 16:00 BILLING_INQUIRY    ticket 16:01, nothing since                                      IN_PROGRESS
 * v12 15:00 no need, seen off by guide-1 15:02 (helped at the guide desk)                       SERVED
 * v13 next day 09:00 BILLING_INQUIRY guide-1 → counter, ticket 09:01, clerk-A 09:06,
 *                              seen off 09:16                                                   wait 300  serv 600
 * v14 at hall-2: must not count
 * </pre>
 * Consultations: c1 (clerk-A, BILLING_INQUIRY) answered on the spot; c2 (clerk-A, NEW_CONNECTION) work order wo-1 due
 * the next day 12:00, completed the next day 15:00 (late); c3 (clerk-B, BILLING_INQUIRY) wo-2 due the next day 10:00,
 * completed the same day 17:00 (in time); c4 (clerk-C, CONNECTION_INQUIRY, by phone) wo-3 due 16:00, never completed;
 * c5 (clerk-B, BILLING_INQUIRY) still pending; c6 at hall-2.
 * <p>
 * Complaints: k1 (clerk-A) every limit met, callback SATISFIED, closed on the day; k2 (clerk-B) first contact late,
 * callback UNSATISFIED, reopened, resolved, callback BASICALLY_SATISFIED, closed the next day; k3 (clerk-A) callback
 * late, SATISFIED, closed on the day.
 */
final class HallDay {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final LocalDate DAY = LocalDate.parse("2026-11-27");
    static final LocalDate NEXT_DAY = DAY.plusDays(1);
    /** When the figures are taken: wo-3 is then open past its due time. */
    static final Instant AS_OF = Instant.parse("2026-11-30T00:00:00Z");
    private static final Instant RECORDED = Instant.parse("2026-11-29T22:00:00Z");

    private final List<EventMessage<?>> history = new ArrayList<>();
    private final Map<String, Long> sequences = new HashMap<>();

    /** The seeded day, as described above. */
    static List<EventMessage<?>> history() {
        HallDay day = new HallDay();
        day.visits();
        day.consultations();
        day.complaints();
        return day.events();
    }

    /** The events recorded so far with {@link #on}, in order. */
    List<EventMessage<?>> events() {
        return List.copyOf(history);
    }

    /**
     * The calendar of the halls: every hall in {@link #ZONE}, except {@code west-1} in Asia/Urumqi (UTC+6), as
     * {@code hall.calendar.halls.west-1.zone} would set it.
     */
    static ServiceCalendar calendar() {
        WorkingDayCalendar common = new WorkingDayCalendar(ZONE, List.of(), List.of());
        return new ServiceCalendar(common, new ComplaintTimeLimits(1, 7, 1, Duration.ofHours(12)),
                                   Map.of("west-1", common.overriddenBy(ZoneId.of("Asia/Urumqi"), List.of(),
                                                                        List.of())),
                                   Map.of());
    }

    static Instant at(LocalDate day, String time) {
        return day.atTime(LocalTime.parse(time)).atZone(ZONE).toInstant();
    }

    private void visits() {
        started("v1", "09:00");
        on("v1", "09:00:30", new NeedIdentified("v1", "guide-1", BusinessType.BILLING_INQUIRY));
        on("v1", "09:00:40", new RoutedToCounter("v1", "guide-1", "3"));
        ticket("v1", "09:01", BusinessType.BILLING_INQUIRY);
        called("v1", "09:11", "clerk-A");
        seenOff("v1", "09:20", "clerk-A");

        started("v2", "09:30");
        on("v2", "09:30:20", new CustomerGreeted("v2", "guide-1", true, true, false, false));
        on("v2", "09:30:30", new NeedIdentified("v2", "guide-1", BusinessType.NEW_CONNECTION));
        on("v2", "09:30:40", new RoutedToCounter("v2", "guide-1", "4"));
        ticket("v2", "09:31", BusinessType.NEW_CONNECTION);
        called("v2", "09:51", "clerk-B");
        seenOff("v2", "10:10", "clerk-B");

        started("v3", "10:00");
        on("v3", "10:00:30", new NeedIdentified("v3", "guide-2", BusinessType.BILLING_INQUIRY));
        on("v3", "10:00:40", new RoutedToCounter("v3", "guide-2", "3"));
        ticket("v3", "10:01", BusinessType.BILLING_INQUIRY);
        on("v3", "10:30", new CustomerLeftWithoutService("v3", "guide-2"));

        started("v4", "10:15");
        on("v4", "10:15:30", new NeedIdentified("v4", "guide-2", BusinessType.NEW_CONNECTION));
        on("v4", "10:16", new RoutedToSelfService("v4", "guide-2"));
        on("v4", "10:20", new CustomerRerouted("v4", "guide-2", RerouteReason.WRONG_JUDGEMENT, Destination.COUNTER,
                                               "5", null));
        ticket("v4", "10:21", BusinessType.NEW_CONNECTION);
        called("v4", "10:29", "clerk-A");
        seenOff("v4", "10:50", "clerk-A");

        started("v5", "11:00");
        on("v5", "11:00:30", new NeedIdentified("v5", "guide-1", BusinessType.BILLING_INQUIRY));
        on("v5", "11:00:40", new RoutedToCounter("v5", "guide-1", "3"));
        ticket("v5", "11:01", BusinessType.BILLING_INQUIRY);
        called("v5", "11:05", "clerk-B");
        on("v5", "11:10", new CustomerRerouted("v5", "clerk-B", RerouteReason.NEED_CHANGED, Destination.COUNTER,
                                               "7", null));
        on("v5", "11:10:30", new NeedIdentified("v5", "clerk-B", BusinessType.BILL_PAYMENT));
        ticket("v5", "11:12", BusinessType.BILL_PAYMENT);
        called("v5", "11:20", "clerk-C");
        seenOff("v5", "11:30", "clerk-C");

        started("v6", "13:00");
        on("v6", "13:00:30", new NeedIdentified("v6", "guide-1", BusinessType.BILL_PAYMENT));
        on("v6", "13:01", new RoutedToSelfService("v6", "guide-1"));
        seenOff("v6", "13:10", "guide-1");

        started("v7", "13:30");
        on("v7", "13:30:30", new NeedIdentified("v7", "guide-2", BusinessType.NEW_CONNECTION));
        on("v7", "13:31", new RoutedToBackOffice("v7", "guide-2"));
        on("v7", "13:35", new HandedOverToBackOffice("v7", "guide-2", HandOverMethod.ESCORTED, true, null, null,
                                                     null));
        seenOff("v7", "13:45", "guide-2");

        started("v8", "14:00");
        on("v8", "14:00:30", new NeedIdentified("v8", "guide-2", BusinessType.CAPACITY_INCREASE));
        on("v8", "14:01", new RoutedToDepartment("v8", "guide-2", "metering"));
        on("v8", "14:05", new TransferredToDepartment("v8", "guide-2", "metering", HandOverMethod.PHONE, false,
                                                      "cust-8", "Name", "Phone"));
        on("v8", "14:10", new AppointmentBooked("v8", "guide-2", at(DAY.plusDays(3), "10:00"), "metering",
                                                "cust-8", "Name", "Phone"));
        seenOff("v8", "14:20", "guide-2");

        started("v9", "23:50");
        on("v9", "23:50:30", new NeedIdentified("v9", "guide-1", BusinessType.BILLING_INQUIRY));
        on("v9", "23:50:40", new RoutedToCounter("v9", "guide-1", "3"));
        ticket("v9", "23:52", BusinessType.BILLING_INQUIRY);
        on("v9", at(NEXT_DAY, "00:08"), new CounterCalled("v9", "clerk-A", "3", "T"));
        on("v9", at(NEXT_DAY, "00:20"), new CustomerSeenOff("v9", "clerk-A", true));

        started("v10", "07:30");
        ticket("v10", "07:31", BusinessType.METER_TEST);
        called("v10", "07:40", "clerk-C");
        seenOff("v10", "07:45", "clerk-C");

        started("v11", "16:00");
        on("v11", "16:00:30", new NeedIdentified("v11", "guide-2", BusinessType.BILLING_INQUIRY));
        ticket("v11", "16:01", BusinessType.BILLING_INQUIRY);

        started("v12", "15:00");
        seenOff("v12", "15:02", "guide-1");

        on("v13", at(NEXT_DAY, "09:00"), new VisitStarted("v13", "hall-1"));
        on("v13", at(NEXT_DAY, "09:00:30"), new NeedIdentified("v13", "guide-1", BusinessType.BILLING_INQUIRY));
        on("v13", at(NEXT_DAY, "09:00:40"), new RoutedToCounter("v13", "guide-1", "3"));
        on("v13", at(NEXT_DAY, "09:01"), new QueueTicketIssued("v13", "T", BusinessType.BILLING_INQUIRY));
        on("v13", at(NEXT_DAY, "09:06"), new CounterCalled("v13", "clerk-A", "3", "T"));
        on("v13", at(NEXT_DAY, "09:16"), new CustomerSeenOff("v13", "clerk-A", true));

        on("v14", "10:00", new VisitStarted("v14", "hall-2"));
        ticket("v14", "10:01", BusinessType.BILLING_INQUIRY);
        called("v14", "10:59", "clerk-Z");
        seenOff("v14", "11:30", "clerk-Z");
    }

    private void consultations() {
        opened("c1", "v1", "hall-1", "09:12", "clerk-A", BusinessType.BILLING_INQUIRY, Channel.IN_PERSON);
        on("c1", "09:15", new InquiryAnswered("c1", "clerk-A", "cust-1", "answer"));
        on("c1", "09:16", new ConsultationClosed("c1", "clerk-A"));

        opened("c2", "v4", "hall-1", "10:30", "clerk-A", BusinessType.NEW_CONNECTION, Channel.IN_PERSON);
        on("c2", "10:35", new WorkOrderCreated("c2", "wo-1", "clerk-A", "marketing", at(NEXT_DAY, "12:00"), "cust-2",
                                               "description"));
        on("c2", at(NEXT_DAY, "15:00"), new WorkOrderCompleted("c2", "wo-1", "marketer", "marketing", "cust-2",
                                                               "reply"));

        opened("c3", "v5", "hall-1", "11:06", "clerk-B", BusinessType.BILLING_INQUIRY, Channel.IN_PERSON);
        on("c3", "11:08", new WorkOrderCreated("c3", "wo-2", "clerk-B", "billing", at(NEXT_DAY, "10:00"), "cust-3",
                                               "description"));
        on("c3", "17:00", new WorkOrderCompleted("c3", "wo-2", "biller", "billing", "cust-3", "reply"));

        opened("c4", null, "hall-1", "14:00", "clerk-C", BusinessType.CONNECTION_INQUIRY, Channel.PHONE);
        on("c4", "14:05", new WorkOrderCreated("c4", "wo-3", "clerk-C", "marketing", at(DAY, "16:00"), "cust-4",
                                               "description"));

        opened("c5", null, "hall-1", "15:00", "clerk-B", BusinessType.BILLING_INQUIRY, Channel.PHONE);

        opened("c6", "v14", "hall-2", "10:40", "clerk-Z", BusinessType.BILLING_INQUIRY, Channel.IN_PERSON);
        on("c6", "10:45", new InquiryAnswered("c6", "clerk-Z", "cust-6", "answer"));
    }

    private void complaints() {
        registered("k1", "clerk-A", at(DAY, "10:00"), at(NEXT_DAY, "10:00"), at(DAY.plusDays(7), "10:00"));
        on("k1", "11:00", new ComplaintAcknowledged("k1", "clerk-A"));
        on("k1", "16:00", new ComplaintResolved("k1", "handler-1", "cust-k1", "resolution", at(NEXT_DAY, "16:00")));
        on("k1", "17:00", new CallbackRecorded("k1", "clerk-A", Satisfaction.SATISFIED, "cust-k1", "note"));
        on("k1", "17:05", new ComplaintClosed("k1", "clerk-A"));

        registered("k2", "clerk-B", at(DAY, "09:00"), at(NEXT_DAY, "09:00"), at(DAY.plusDays(7), "09:00"));
        on("k2", at(NEXT_DAY, "10:00"), new ComplaintAcknowledged("k2", "clerk-B"));
        on("k2", at(NEXT_DAY, "11:00"), new ComplaintResolved("k2", "handler-2", "cust-k2", "resolution",
                                                              at(DAY.plusDays(2), "11:00")));
        on("k2", at(NEXT_DAY, "12:00"), new CallbackRecorded("k2", "clerk-B", Satisfaction.UNSATISFIED, "cust-k2",
                                                             "note"));
        on("k2", at(NEXT_DAY, "12:10"), new ComplaintReopened("k2", "clerk-B", "cust-k2", "reason",
                                                              at(DAY.plusDays(8), "12:10")));
        on("k2", at(NEXT_DAY, "14:00"), new ComplaintResolved("k2", "handler-2", "cust-k2", "resolution",
                                                              at(DAY.plusDays(2), "14:00")));
        on("k2", at(NEXT_DAY, "15:00"), new CallbackRecorded("k2", "clerk-B", Satisfaction.BASICALLY_SATISFIED,
                                                             "cust-k2", "note"));
        on("k2", at(NEXT_DAY, "15:05"), new ComplaintClosed("k2", "clerk-B"));

        registered("k3", "clerk-A", at(DAY, "12:00"), at(NEXT_DAY, "12:00"), at(DAY.plusDays(7), "12:00"));
        on("k3", "12:30", new ComplaintAcknowledged("k3", "clerk-A"));
        on("k3", "13:00", new ComplaintResolved("k3", "handler-1", "cust-k3", "resolution", at(DAY, "13:30")));
        on("k3", "14:00", new CallbackRecorded("k3", "clerk-A", Satisfaction.SATISFIED, "cust-k3", "note"));
        on("k3", "14:05", new ComplaintClosed("k3", "clerk-A"));
    }

    private void started(String visit, String time) {
        on(visit, time, new VisitStarted(visit, "hall-1"));
    }

    private void ticket(String visit, String time, BusinessType businessType) {
        on(visit, time, new QueueTicketIssued(visit, "T-" + visit, businessType));
    }

    private void called(String visit, String time, String clerk) {
        on(visit, time, new CounterCalled(visit, clerk, "3", "T-" + visit));
    }

    private void seenOff(String visit, String time, String staff) {
        on(visit, time, new CustomerSeenOff(visit, staff, true));
    }

    private void opened(String consultation, String visit, String hall, String time, String clerk,
                        BusinessType topic, Channel channel) {
        on(consultation, time, new ConsultationOpened(consultation, visit, hall, clerk, channel, topic, "cust",
                                                      "Name", "Phone", "question"));
    }

    void registered(String complaint, String staff, Instant at, Instant firstContactDueAt,
                            Instant replyDueAt) {
        on(complaint, at, new ComplaintRegistered(complaint, null, "hall-1", staff, ComplaintKind.COMPLAINT,
                                                  ComplaintClass.SERVICE, Channel.IN_PERSON, false, "cust",
                                                  "Name", "Phone", "description", firstContactDueAt, replyDueAt));
    }

    private void on(String aggregate, String time, Object payload) {
        on(aggregate, at(DAY, time), payload);
    }

    /** Records an event of {@code aggregate} that happened at {@code occurredAt}, with the next sequence number. */
    void on(String aggregate, Instant occurredAt, Object payload) {
        long sequence = sequences.merge(aggregate, 0L, (last, zero) -> last + 1);
        history.add(new GenericDomainEventMessage<>("Aggregate", aggregate, sequence, payload,
                                                    MetaData.with(MetadataKeys.OCCURRED_AT, occurredAt.toString()),
                                                    UUID.randomUUID().toString(), RECORDED));
    }
}
