package org.servicehall.query.deadletter;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.extensions.mongo.eventhandling.deadletter.MongoDeadLetter;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.servicehall.platform.web.InvalidField;
import org.servicehall.platform.web.InvalidInput;
import org.servicehall.platform.web.NotFound;
import org.servicehall.query.support.EventPositions;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

/** The query side's dead letters, by processing group: listed, retried, evicted. */
@Component
class DeadLetters {

    /** The letters of one processing group, by sequence (the aggregate whose events wait there, in order). */
    record Group(String group, long size, List<Sequence> sequences) {
    }

    record Sequence(String sequence, List<Letter> letters) {
    }

    /**
     * One parked event, without its payload (which may hold personal data).
     *
     * @param index    its place in its sequence; the first is the one that failed, the others wait behind it
     * @param position the event's position in the event store
     * @param failures how often handling it failed, the first time and on retries
     */
    record Letter(long index, String eventId, String eventType, String aggregateId, Long aggregateSequence,
                  long position, Instant timestamp, Instant enqueuedAt, Instant lastTouched, String causeType,
                  String causeMessage, int failures) {
    }

    /**
     * @param succeeded the sequences whose letters were all handled this time: their views are complete again
     * @param failed    the sequences still parked, because a letter failed again
     */
    record Retry(String group, List<String> succeeded, List<String> failed) {
    }

    record Evicted(String group, String sequence, int evicted) {
    }

    private final EventProcessingConfiguration processing;

    DeadLetters(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    /** The processing groups that have a dead-letter queue: every group of the query side. */
    List<String> groups() {
        return processing.eventProcessors().keySet().stream()
                         .filter(group -> processing.deadLetterQueue(group).isPresent())
                         .sorted()
                         .toList();
    }

    /** Every group's letters, or one group's ({@code group} names it, or is null). */
    List<Group> list(String group) {
        List<String> groups = groups();
        if (group != null && !groups.contains(group)) {
            throw new InvalidInput(List.of(new InvalidField("group", "query", "must be a processing group", group,
                                                            groups)));
        }
        return (group == null ? groups : List.of(group)).stream().map(this::letters).toList();
    }

    private Group letters(String group) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(group);
        List<Sequence> sequences = new ArrayList<>();
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
            List<Letter> letters = StreamSupport.stream(sequence.spliterator(), false).map(DeadLetters::letter)
                                                .toList();
            if (!letters.isEmpty()) {
                sequences.add(new Sequence(sequenceOf(sequence.iterator().next()), letters));
            }
        }
        sequences.sort((left, right) -> left.letters().get(0).enqueuedAt()
                                             .compareTo(right.letters().get(0).enqueuedAt()));
        return new Group(group, queue.size(), sequences);
    }

    /**
     * Hands the letters of every sequence of the group (or of the one named) to the group's handlers again, in order;
     * a sequence whose letters all succeed leaves the queue, one that fails again stays, its failure counted.
     */
    Retry retry(String group, String sequence) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(group);
        SequencedDeadLetterProcessor<EventMessage<?>> processor =
                processing.sequencedDeadLetterProcessor(group)
                          .orElseThrow(() -> new NotFound("Processing group", group));
        List<String> sequences = sequence != null ? List.of(sequence) : sequences(queue);
        if (sequence != null && !queue.contains(sequence)) {
            throw new NotFound("Dead-letter sequence", group + "/" + sequence);
        }
        List<String> succeeded = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (String each : sequences) {
            processor.process(letter -> each.equals(sequenceOf(letter)));
            (queue.contains(each) ? failed : succeeded).add(each);
        }
        return new Retry(group, succeeded, failed);
    }

    /**
     * Gives up on the letters of one sequence: all of them, or only the one of the given event. Given up events never
     * reach the view; once a sequence is empty, its aggregate's new events flow again.
     *
     */
    Evicted evict(String group, String sequence, String eventId) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(group);
        List<DeadLetter<? extends EventMessage<?>>> doomed = new ArrayList<>();
        queue.deadLetterSequence(sequence).forEach(letter -> {
            if (eventId == null || eventId.equals(letter.message().getIdentifier())) {
                doomed.add(letter);
            }
        });
        if (doomed.isEmpty()) {
            throw new NotFound("Dead letter", group + "/" + sequence + (eventId == null ? "" : "/" + eventId));
        }
        doomed.forEach(queue::evict);
        return new Evicted(group, sequence, doomed.size());
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queue(String group) {
        return processing.deadLetterQueue(group).orElseThrow(() -> new NotFound("Processing group", group));
    }

    private static List<String> sequences(SequencedDeadLetterQueue<EventMessage<?>> queue) {
        List<String> sequences = new ArrayList<>();
        queue.deadLetters().forEach(sequence -> sequence.forEach(letter -> {
            if (!sequences.contains(sequenceOf(letter))) {
                sequences.add(sequenceOf(letter));
            }
        }));
        return sequences;
    }

    /** Every queue here is a {@code MongoSequencedDeadLetterQueue}, whose letters know their sequence. */
    private static String sequenceOf(DeadLetter<? extends EventMessage<?>> letter) {
        return ((MongoDeadLetter<?>) letter).sequenceIdentifier();
    }

    private static Letter letter(DeadLetter<? extends EventMessage<?>> letter) {
        EventMessage<?> event = letter.message();
        DomainEventMessage<?> domain = event instanceof DomainEventMessage<?> d ? d : null;
        Cause cause = letter.cause().orElse(null);
        return new Letter(((MongoDeadLetter<?>) letter).index(), event.getIdentifier(),
                          event.getPayloadType().getSimpleName(),
                          domain == null ? null : domain.getAggregateIdentifier(),
                          domain == null ? null : domain.getSequenceNumber(),
                          EventPositions.positionOf(event), event.getTimestamp(),
                          letter.enqueuedAt(), letter.lastTouched(), cause == null ? null : cause.type(),
                          cause == null ? null : cause.message(), DeadLetterConfiguration.failures(
                letter.diagnostics()));
    }
}
