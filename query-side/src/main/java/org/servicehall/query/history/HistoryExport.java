package org.servicehall.query.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import org.servicehall.platform.eventstore.EventHistory;
import org.servicehall.platform.eventstore.EventHistory.StoredEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Writes everything recorded in a time range as NDJSON while walking the event store: one window of positions is
 * read, its events written and flushed, then the next, so memory holds one window however long the range. Writing to
 * a client that went away fails, which closes the walk.
 */
@Component
class HistoryExport {

    private static final Logger log = LoggerFactory.getLogger(HistoryExport.class);
    private static final byte NEWLINE = '\n';

    private final HistoryEvents events;
    private final ObjectWriter lines;

    HistoryExport(HistoryEvents events, ObjectMapper json) {
        this.events = events;
        this.lines = json.writerFor(HistoryEvent.class);
    }

    /**
     * @param aggregateTypes stored aggregate types; in each list, empty keeps every value
     */
    record Range(Instant from, Instant to, List<String> aggregateTypes, List<String> eventTypes, List<String> halls) {

        EventHistory.Selection selection() {
            return new EventHistory.Selection(Set.copyOf(aggregateTypes), Set.copyOf(eventTypes), Set.copyOf(halls));
        }
    }

    StreamingResponseBody of(Range range, UnaryOperator<Object> render) {
        return out -> {
            long written = 0;
            long started = System.nanoTime();
            try (Stream<List<StoredEvent>> windows = events.store().windowsRecordedBetween(range.from(), range.to(),
                                                                                          range.selection())) {
                Iterator<List<StoredEvent>> walk = windows.iterator();
                while (walk.hasNext()) {
                    List<StoredEvent> window = walk.next();
                    for (StoredEvent event : window) {
                        write(out, events.event(event, render));
                        written++;
                    }
                    if (!window.isEmpty()) {
                        out.flush();
                    }
                }
            } catch (IOException e) {
                // The client went away (or its connection broke): nobody is left to answer.
                log.info("History export {} stopped after {} events: the client went away ({})", range, written,
                         e.toString());
                return;
            }
            log.info("History export {} sent {} events in {} ms", range, written,
                     (System.nanoTime() - started) / 1_000_000);
        };
    }

    private void write(OutputStream out, HistoryEvent event) throws IOException {
        byte[] line;
        try {
            line = lines.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Event " + event.eventId() + " cannot be written as JSON", e);
        }
        out.write(line);
        out.write(NEWLINE);
    }
}
