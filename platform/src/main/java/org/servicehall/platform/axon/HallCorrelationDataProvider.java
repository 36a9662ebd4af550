package org.servicehall.platform.axon;

import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.servicehall.api.MetadataKeys;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Copies who, where, which client, which request and when ({@link MetadataKeys}) from the message being handled to
 * every message created while handling it: from a command to its events, from an event to what a saga sends, from a
 * deadline to what its handler applies. Axon's {@code MessageOriginProvider} adds the causation and trace ids.
 * <p>
 * A deadline fires later than the command that set it: what its handler does happened when it fired, so
 * {@code occurredAt} becomes the deadline message's timestamp there.
 */
public final class HallCorrelationDataProvider implements CorrelationDataProvider {

    private static final List<String> KEYS = List.of(MetadataKeys.STAFF_ID, MetadataKeys.HALL_ID,
                                                     MetadataKeys.CLIENT_ID, MetadataKeys.CORRELATION_ID,
                                                     MetadataKeys.OCCURRED_AT);

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        Map<String, Object> data = new HashMap<>();
        for (String key : KEYS) {
            Object value = message.getMetaData().get(key);
            if (value != null) {
                data.put(key, value);
            }
        }
        if (message instanceof DeadlineMessage<?> deadline) {
            data.put(MetadataKeys.OCCURRED_AT, deadline.getTimestamp().toString());
        }
        return data;
    }
}
