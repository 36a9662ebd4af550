package org.servicehall.api.visit;

import org.servicehall.api.upcasting.JsonUpcaster;

import java.util.List;

/** How stored visit events of earlier shapes read today. */
public final class VisitUpcasters {

    /**
     * The first greetings, stored before events had revisions: {@code {visitId, staffId}}. Nobody recorded the
     * weather or the floor.
     */
    static final JsonUpcaster GREETING_WITHOUT_REVISION = new JsonUpcaster(
            CustomerGreeted.class, null, "2",
            payload -> payload.put("rainy", false).put("umbrellaStandShown", false)
                              .put("wetFloor", false).put("wetFloorSignShown", false)
                              .put("conditionsRecorded", false));

    /** Revision 1 greetings always recorded the conditions. */
    static final JsonUpcaster GREETING_REVISION_1 = new JsonUpcaster(
            CustomerGreeted.class, "1", "2", payload -> payload.put("conditionsRecorded", true));

    public static final List<JsonUpcaster> ALL = List.of(GREETING_WITHOUT_REVISION, GREETING_REVISION_1);

    private VisitUpcasters() {
    }
}
