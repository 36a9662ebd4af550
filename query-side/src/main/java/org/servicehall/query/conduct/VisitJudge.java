package org.servicehall.query.conduct;

import org.servicehall.api.visit.AppointmentBooked;
import org.servicehall.api.visit.CustomerGreeted;
import org.servicehall.api.visit.CustomerLeftWithoutService;
import org.servicehall.api.visit.CustomerRerouted;
import org.servicehall.api.visit.CustomerSeenOff;
import org.servicehall.api.visit.FormCorrectionRequested;
import org.servicehall.api.visit.HandedOverToBackOffice;
import org.servicehall.api.visit.OtherNeedsChecked;
import org.servicehall.api.visit.RerouteReason;
import org.servicehall.api.visit.RoutedToBackOffice;
import org.servicehall.api.visit.RoutedToCounter;
import org.servicehall.api.visit.RoutedToDepartment;
import org.servicehall.api.visit.RoutedToSelfService;
import org.servicehall.api.visit.TransferredToDepartment;
import org.servicehall.api.visit.VisitStarted;
import org.servicehall.platform.calendar.WorkingDayCalendar;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static org.servicehall.query.conduct.ConductRule.BELONGINGS_REMINDER;
import static org.servicehall.query.conduct.ConductRule.FORM_CORRECTION_WITH_HELP;
import static org.servicehall.query.conduct.ConductRule.GREETING;
import static org.servicehall.query.conduct.ConductRule.OTHER_NEEDS_BEFORE_SEE_OFF;
import static org.servicehall.query.conduct.ConductRule.ROUTING_JUDGEMENT;
import static org.servicehall.query.conduct.ConductRule.UMBRELLA_STAND;
import static org.servicehall.query.conduct.ConductRule.UNREACHED_HAND_OVER;
import static org.servicehall.query.conduct.ConductRule.WET_FLOOR_SIGN;

/** Greeting and seeing off (docs/domain.md §1), triage and guided handling (§2). */
final class VisitJudge implements Judge {

    static final List<Class<?>> EVENTS = List.of(
            VisitStarted.class, CustomerGreeted.class, RoutedToSelfService.class, RoutedToCounter.class,
            RoutedToBackOffice.class, RoutedToDepartment.class, CustomerRerouted.class, HandedOverToBackOffice.class,
            TransferredToDepartment.class, AppointmentBooked.class, FormCorrectionRequested.class,
            OtherNeedsChecked.class, CustomerSeenOff.class, CustomerLeftWithoutService.class);

    private static final Class<?>[] ROUTINGS = {RoutedToSelfService.class, RoutedToCounter.class,
            RoutedToBackOffice.class, RoutedToDepartment.class, CustomerRerouted.class};
    private static final String VISIT = "visit";

    @Override
    public List<Verdict> judge(Subject visit, AuditSettings settings, WorkingDayCalendar calendar) {
        List<Verdict> verdicts = new ArrayList<>();
        for (Subject.Seen<CustomerGreeted> greeting : visit.all(CustomerGreeted.class)) {
            conditions(visit, greeting).forEach(verdicts::add);
        }
        for (Subject.Seen<FormCorrectionRequested> correction : visit.all(FormCorrectionRequested.class)) {
            verdicts.add(correction.event().helpOffered()
                    ? visit.pass(FORM_CORRECTION_WITH_HELP, occurrence(correction), correction.fact(),
                                 correction.fact().staffId())
                    : visit.finding(FORM_CORRECTION_WITH_HELP, occurrence(correction), correction.fact(),
                                    correction.fact().staffId(), "Form '" + correction.event().form()
                                            + "' was handed back to be filled again without help offered",
                                    List.of(correction.fact())));
        }
        Optional<Fact> ending = visit.firstAfter(-1, CustomerSeenOff.class, CustomerLeftWithoutService.class);
        if (ending.isEmpty()) {
            return verdicts;
        }
        Fact end = ending.get();
        verdicts.add(greeting(visit, end));
        if (end.type().equals(CustomerSeenOff.class.getSimpleName())) {
            verdicts.add(otherNeeds(visit, end));
            verdicts.add(belongings(visit, end));
        }
        routing(visit, end).ifPresent(verdicts::add);
        verdicts.addAll(unreachedHandOvers(visit, end));
        return verdicts;
    }

    private static Stream<Verdict> conditions(Subject visit, Subject.Seen<CustomerGreeted> greeting) {
        CustomerGreeted greeted = greeting.event();
        if (!greeted.conditionsRecorded()) {
            return Stream.empty();
        }
        Fact fact = greeting.fact();
        Stream.Builder<Verdict> verdicts = Stream.builder();
        if (greeted.rainy()) {
            verdicts.add(greeted.umbrellaStandShown()
                    ? visit.pass(UMBRELLA_STAND, VISIT, fact, fact.staffId())
                    : visit.finding(UMBRELLA_STAND, VISIT, fact, fact.staffId(),
                                    "A rainy day, and the customer was not pointed to the umbrella stand",
                                    List.of(fact)));
        }
        if (greeted.wetFloor()) {
            verdicts.add(greeted.wetFloorSignShown()
                    ? visit.pass(WET_FLOOR_SIGN, VISIT, fact, fact.staffId())
                    : visit.finding(WET_FLOOR_SIGN, VISIT, fact, fact.staffId(),
                                    "A wet floor, and the caution sign was not out", List.of(fact)));
        }
        return verdicts.build();
    }

    private static Verdict greeting(Subject visit, Fact end) {
        Optional<Fact> greeting = visit.firstAfter(-1, CustomerGreeted.class).filter(before(end));
        if (greeting.isPresent()) {
            return visit.pass(GREETING, VISIT, end, greeting.get().staffId());
        }
        // Nobody greeted: the guide who routed the customer met them at the entrance, else whoever ended the visit.
        String responsible = visit.firstAfter(-1, ROUTINGS).filter(before(end)).map(Fact::staffId)
                                  .orElse(end.staffId());
        List<Fact> evidence = new ArrayList<>();
        visit.firstAfter(-1, VisitStarted.class).ifPresent(evidence::add);
        evidence.add(end);
        return visit.finding(GREETING, VISIT, end, responsible, "The customer was never greeted", evidence);
    }

    private static Verdict otherNeeds(Subject visit, Fact seeOff) {
        return visit.firstAfter(-1, OtherNeedsChecked.class).filter(before(seeOff)).isPresent()
                ? visit.pass(OTHER_NEEDS_BEFORE_SEE_OFF, VISIT, seeOff, seeOff.staffId())
                : visit.finding(OTHER_NEEDS_BEFORE_SEE_OFF, VISIT, seeOff, seeOff.staffId(),
                                "The customer was seen off without being asked about other needs",
                                List.of(seeOff));
    }

    private static Verdict belongings(Subject visit, Fact seeOff) {
        return Facts.read(seeOff, CustomerSeenOff.class).belongingsReminded()
                ? visit.pass(BELONGINGS_REMINDER, VISIT, seeOff, seeOff.staffId())
                : visit.finding(BELONGINGS_REMINDER, VISIT, seeOff, seeOff.staffId(),
                                "The customer was seen off without the reminder to take their belongings",
                                List.of(seeOff));
    }

    /** Judged on visits that were routed at all; the staff member whose routing turned out wrong is responsible. */
    private static Optional<Verdict> routing(Subject visit, Fact end) {
        List<Fact> routings = visit.facts().stream().filter(before(end))
                                   .filter(fact -> Stream.of(ROUTINGS).anyMatch(
                                           type -> type.getSimpleName().equals(fact.type())))
                                   .toList();
        if (routings.isEmpty()) {
            return Optional.empty();
        }
        List<Fact> wrong = new ArrayList<>();
        String responsible = null;
        for (int i = 1; i < routings.size(); i++) {
            Fact reroute = routings.get(i);
            if (Facts.read(reroute, CustomerRerouted.class).reason() == RerouteReason.WRONG_JUDGEMENT) {
                wrong.add(routings.get(i - 1));
                wrong.add(reroute);
                responsible = responsible != null ? responsible : routings.get(i - 1).staffId();
            }
        }
        if (wrong.isEmpty()) {
            return Optional.of(visit.pass(ROUTING_JUDGEMENT, VISIT, end, routings.get(0).staffId()));
        }
        wrong.add(end);
        return Optional.of(visit.finding(ROUTING_JUDGEMENT, VISIT, end, responsible,
                                         "The customer was routed again because a judgement of the need was wrong",
                                         wrong));
    }

    private static List<Verdict> unreachedHandOvers(Subject visit, Fact end) {
        List<Verdict> verdicts = new ArrayList<>();
        List<HandOverSeen> handOvers = Stream.concat(
                visit.all(HandedOverToBackOffice.class).stream().map(seen -> new HandOverSeen(
                        seen.fact(), seen.event().reached(), seen.event().customerId(), seen.event().contactName(),
                        seen.event().contactPhone())),
                visit.all(TransferredToDepartment.class).stream().map(seen -> new HandOverSeen(
                        seen.fact(), seen.event().reached(), seen.event().customerId(), seen.event().contactName(),
                        seen.event().contactPhone())))
                .filter(handOver -> handOver.fact().sequence() < end.sequence()).toList();
        for (HandOverSeen handOver : handOvers) {
            if (handOver.reached()) {
                continue;
            }
            Fact fact = handOver.fact();
            String occurrence = "hand-over-" + fact.sequence();
            Optional<Fact> settled = visit.facts().stream().filter(before(end))
                    .filter(later -> later.sequence() > fact.sequence())
                    .filter(later -> later.type().equals(AppointmentBooked.class.getSimpleName())
                            || handOvers.stream().anyMatch(other -> other.reached() && other.fact().sequence() == later.sequence()))
                    .findFirst();
            List<String> missing = new ArrayList<>();
            if (!handOver.contactDetailsRecorded()) {
                missing.add("the customer's contact details were not recorded");
            }
            if (settled.isEmpty()) {
                missing.add("no appointment was booked before the visit ended");
            }
            if (missing.isEmpty()) {
                verdicts.add(visit.pass(UNREACHED_HAND_OVER, occurrence, end, fact.staffId()));
            } else {
                verdicts.add(visit.finding(UNREACHED_HAND_OVER, occurrence, end, fact.staffId(),
                                           "A hand-over reached nobody and " + String.join(", and ", missing),
                                           List.of(fact, end)));
            }
        }
        return verdicts;
    }

    private record HandOverSeen(Fact fact, boolean reached, String customerId, String contactName,
                                String contactPhone) {

        boolean contactDetailsRecorded() {
            return customerId != null && !customerId.isBlank() && contactName != null && contactPhone != null;
        }
    }

    private static Predicate<Fact> before(Fact end) {
        return fact -> fact.sequence() < end.sequence();
    }

    private static String occurrence(Subject.Seen<?> seen) {
        return seen.fact().type() + "-" + seen.sequence();
    }
}
