package org.servicehall.query.conduct;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What the audit has seen of one aggregate so far: its events (as {@link Fact}s, keyed by sequence number, so a
 * redelivered event changes nothing), the hall it belongs to and its kind. Judges read it; verdicts come from it.
 */
@Document(Subject.COLLECTION)
record Subject(@Id String id, String aggregateType, SubjectKind kind, String hallId, List<Fact> facts) {

    static final String COLLECTION = "audit_subjects";

    /** The subject with {@code fact} among its facts, in sequence order; itself if the fact was seen before. */
    Subject with(Fact fact) {
        if (facts.stream().anyMatch(seen -> seen.sequence() == fact.sequence())) {
            return this;
        }
        List<Fact> all = new ArrayList<>(facts);
        all.add(fact);
        all.sort(Comparator.comparingLong(Fact::sequence));
        return new Subject(id, aggregateType, kind, hallId, List.copyOf(all));
    }

    /** The events of one type, in order. */
    <T> List<Seen<T>> all(Class<T> type) {
        return facts.stream().filter(fact -> fact.type().equals(type.getSimpleName()))
                    .map(fact -> new Seen<>(fact, Facts.read(fact, type)))
                    .toList();
    }

    /** The first event after sequence number {@code after} of any of the types. */
    Optional<Fact> firstAfter(long after, Class<?>... types) {
        Set<String> names = Arrays.stream(types).map(Class::getSimpleName).collect(Collectors.toSet());
        return facts.stream().filter(fact -> fact.sequence() > after && names.contains(fact.type())).findFirst();
    }

    Verdict pass(ConductRule rule, String occurrence, Fact decidedBy, String staffId) {
        return new Verdict(verdictId(rule, occurrence), rule, aggregateType, id, occurrence, true,
                           decidedBy.sequence(), decidedBy.at(), staffId, null, List.of());
    }

    /** @param evidence the events the finding rests on, the deciding one among them */
    Verdict finding(ConductRule rule, String occurrence, Fact decidedBy, String staffId, String explanation,
                    List<Fact> evidence) {
        List<Evidence> cited = evidence.stream().distinct().sorted(Comparator.comparingLong(Fact::sequence))
                                       .map(fact -> new Evidence(aggregateType, id, fact.sequence(), fact.type()))
                                       .toList();
        return new Verdict(verdictId(rule, occurrence), rule, aggregateType, id, occurrence, false,
                           decidedBy.sequence(), decidedBy.at(), staffId, explanation, cited);
    }

    /** The same rule, aggregate and occurrence always give the same id: judging again overwrites. */
    private String verdictId(ConductRule rule, String occurrence) {
        return UUID.nameUUIDFromBytes((rule.id() + "/" + id + "/" + occurrence).getBytes(StandardCharsets.UTF_8))
                   .toString();
    }

    /** An event with its payload read as its type. */
    record Seen<T>(Fact fact, T event) {

        long sequence() {
            return fact.sequence();
        }
    }
}
