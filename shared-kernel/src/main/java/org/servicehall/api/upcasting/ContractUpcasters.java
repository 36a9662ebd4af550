package org.servicehall.api.upcasting;

import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.servicehall.api.visit.VisitUpcasters;

import java.util.List;

/**
 * Every upcaster of the message contract, in the order the chain applies them (older steps of one event before
 * newer ones). The platform puts them in front of the event store on both sides.
 * <p>
 * Changing the shape of a stored event: give it the next {@code @Revision}, add a {@link JsonUpcaster} from the
 * previous revision to the new one here, and keep JSON of the old revision exactly as stored as a test fixture
 * (see the README, "Event versions").
 */
public final class ContractUpcasters {

    private ContractUpcasters() {
    }

    public static List<EventUpcaster> all() {
        return List.<EventUpcaster>copyOf(VisitUpcasters.ALL);
    }
}
