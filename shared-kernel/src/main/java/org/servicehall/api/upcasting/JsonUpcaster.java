package org.servicehall.api.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

import java.util.function.Consumer;

/**
 * One step in the history of an event's stored shape: turns the JSON payload of an event type stored at one revision
 * into its JSON at a later revision. The event store hands payloads to the upcaster chain as JSON text, exactly as
 * stored; the chain applies every matching step in order before anything is deserialized, on both sides, when
 * aggregates are loaded and when processors read (also when they replay).
 * <p>
 * A personal value sealed by the storage serializer is an opaque string here: a step may move or drop it, never read
 * or change its content.
 */
public final class JsonUpcaster extends SingleEventUpcaster {

    private final SerializedType from;
    private final SerializedType to;
    private final Consumer<ObjectNode> change;

    /**
     * @param fromRevision the stored revision this step reads; {@code null} for events stored without one
     * @param change       edits the payload (a copy) in place
     */
    public JsonUpcaster(Class<?> eventType, String fromRevision, String toRevision, Consumer<ObjectNode> change) {
        this.from = new SimpleSerializedType(eventType.getName(), fromRevision);
        this.to = new SimpleSerializedType(eventType.getName(), toRevision);
        this.change = change;
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return from.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(to, JsonNode.class, payload -> {
            ObjectNode upcast = ((ObjectNode) payload).deepCopy();
            change.accept(upcast);
            return upcast;
        });
    }

    @Override
    public String toString() {
        return from.getName() + " revision " + from.getRevision() + " -> " + to.getRevision();
    }
}
