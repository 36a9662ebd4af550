package org.servicehall.platform.commandapi;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.callbacks.FutureCallback;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.servicehall.api.MetadataKeys;
import org.servicehall.platform.axon.AggregateVersions;
import org.servicehall.platform.axon.ExpectedVersionTargetResolver;
import org.servicehall.platform.web.PublicBaseUrl;
import org.springframework.http.ResponseEntity;

import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Function;

/**
 * How a controller sends a command: it maps its request to the command and returns what this gives back.
 * <pre>{@code
 * @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
 * @ResponseStatus(HttpStatus.CREATED)
 * ResponseEntity<CommandResult> start(@Valid @RequestBody StartVisitRequest request) {
 *     return commands.create(id -> new StartVisit(id, request.hallId()));
 * }
 *
 * @PostMapping(path = "/{id}/see-off", consumes = MediaType.APPLICATION_JSON_VALUE)
 * ResponseEntity<CommandResult> seeOff(@PathVariable UUID id, @Valid @RequestBody SeeOffRequest request) {
 *     return commands.send(new SeeOffCustomer(id.toString(), request.staffId(), request.belongingsReminded()));
 * }
 * }</pre>
 * The command gets the request's metadata ({@link MetadataKeys}): client, correlation id and when it happened from
 * the headers; staff member and hall from the command's own {@code staffId} / {@code hallId} components when it has
 * them (non-blank), else from {@code X-Staff-Id} / {@code X-Hall-Id}; without either, the hall the aggregate was
 * opened in. {@code If-Match} becomes the version the
 * aggregate must be at. The answer is {@link CommandResult} with {@code ETag}; 201 with {@code Location} for a new
 * aggregate. Exceptions (rule violated, not found, stale version...) propagate to the problem+json handler.
 */
public class Commands {

    /** The global position of the command's last event; the query side waits for it on {@code X-Await-Position}. */
    public static final String EVENT_POSITION_HEADER = "X-Event-Position";

    private final CommandGateway gateway;
    private final CommandTargetResolver targets;
    private final EventStore eventStore;

    private final PublicBaseUrl publicBaseUrl;

    Commands(CommandGateway gateway, CommandTargetResolver targets, EventStore eventStore,
             PublicBaseUrl publicBaseUrl) {
        this.gateway = gateway;
        this.targets = targets;
        this.eventStore = eventStore;
        this.publicBaseUrl = publicBaseUrl;
    }

    /**
     * Creates an aggregate under a new UUID: 201, {@code Location} = this request's path + {@code /<id>}, under the
     * side's public base URL.
     *
     * @param command the creating command, given the new id
     */
    public ResponseEntity<CommandResult> create(Function<String, ?> command) {
        CommandContext context = CommandContext.current();
        if (context.expectedVersion() != null) {
            throw CommandProblems.nothingToMatch();
        }
        String id = UUID.randomUUID().toString();
        long version = dispatch(message(command.apply(id), context), id);
        URI location = publicBaseUrl.belowCurrentRequest().path("/{id}").buildAndExpand(id).toUri();
        return answer(ResponseEntity.created(location), id, version);
    }

    /** Sends a command to the aggregate its {@code @TargetAggregateIdentifier} names: 200. */
    public ResponseEntity<CommandResult> send(Object command) {
        CommandMessage<?> message = message(command, CommandContext.current());
        String id = targets.resolveTarget(message).getIdentifier();
        if (!message.getMetaData().containsKey(MetadataKeys.HALL_ID)) {
            message = message.andMetaData(hallWhereOpened(id).map(hall -> Map.of(MetadataKeys.HALL_ID, hall))
                                                             .orElse(Map.of()));
        }
        long version = dispatch(message, id);
        return answer(ResponseEntity.ok(), id, version);
    }

    /**
     * The hall the aggregate was opened in (its first event's), for a command that names none: most later steps of a
     * payment or a complaint carry no hall, and compliance reads histories by hall, so every event should say which.
     */
    private Optional<String> hallWhereOpened(String id) {
        DomainEventStream stream = eventStore.readEvents(id, 0);
        return stream.hasNext() ? Optional.ofNullable((String) stream.next().getMetaData().get(MetadataKeys.HALL_ID))
                : Optional.empty();
    }

    private static ResponseEntity<CommandResult> answer(ResponseEntity.BodyBuilder response, String id, long version) {
        OptionalLong position = AppendedPositions.ofCurrentRequest();
        position.ifPresent(p -> response.header(EVENT_POSITION_HEADER, Long.toString(p)));
        return response.eTag(Long.toString(version))
                       .body(new CommandResult(id, version, position.isPresent() ? position.getAsLong() : null));
    }

    private long dispatch(CommandMessage<?> message, String id) {
        FutureCallback<Object, Object> callback = new FutureCallback<>();
        gateway.send(message, callback);
        CommandResultMessage<?> result = callback.getResult();
        if (result.isExceptional()) {
            Throwable failure = result.exceptionResult();
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failure instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("Command " + message.getCommandName() + " failed", failure);
        }
        // A command that applied nothing left the aggregate where it was.
        return AggregateVersions.of(result, id)
                                .or(() -> eventStore.lastSequenceNumberFor(id))
                                .orElseThrow(() -> new IllegalStateException("Aggregate " + id + " has no events"));
    }

    private static CommandMessage<?> message(Object command, CommandContext context) {
        Map<String, Object> metaData = new HashMap<>();
        metaData.put(MetadataKeys.CLIENT_ID, context.clientId());
        metaData.put(MetadataKeys.CORRELATION_ID, context.correlationId());
        metaData.put(MetadataKeys.OCCURRED_AT, context.occurredAt().toString());
        component(command, MetadataKeys.STAFF_ID).or(() -> Optional.ofNullable(context.staffId()))
                                                  .ifPresent(staffId -> metaData.put(MetadataKeys.STAFF_ID, staffId));
        component(command, MetadataKeys.HALL_ID).or(() -> Optional.ofNullable(context.hallId()))
                                                 .ifPresent(hallId -> metaData.put(MetadataKeys.HALL_ID, hallId));
        if (context.expectedVersion() != null) {
            metaData.put(ExpectedVersionTargetResolver.EXPECTED_VERSION, context.expectedVersion());
        }
        return GenericCommandMessage.asCommandMessage(command).andMetaData(metaData);
    }

    /** The non-blank String component {@code name} of a command record. */
    private static Optional<String> component(Object command, String name) {
        RecordComponent[] components = command.getClass().getRecordComponents();
        if (components == null) {
            return Optional.empty();
        }
        return Arrays.stream(components)
                     .filter(component -> component.getName().equals(name) && component.getType() == String.class)
                     .findFirst()
                     .map(component -> {
                         try {
                             return (String) component.getAccessor().invoke(command);
                         } catch (ReflectiveOperationException e) {
                             throw new IllegalStateException("Cannot read " + name + " of " + command, e);
                         }
                     })
                     .filter(value -> !value.isBlank());
    }
}
