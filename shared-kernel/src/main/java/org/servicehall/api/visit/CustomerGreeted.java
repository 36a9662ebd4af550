package org.servicehall.api.visit;

import org.axonframework.serialization.Revision;

/**
 * The guide greeted the customer, with the hall's conditions the greeting rules depend on: on a rainy day the
 * umbrella stand is pointed out; on a wet floor the caution sign is out.
 * <p>
 * Revision 2 added {@code conditionsRecorded}. The first greetings ever stored (before events had revisions) held
 * only {@code visitId} and {@code staffId}: for them {@code rainy} and {@code wetFloor} read false because nobody
 * recorded the weather, not because it was dry, and {@code conditionsRecorded} tells the two apart, so the conduct
 * audit judges the umbrella-stand and wet-floor rules only on greetings that recorded the conditions. Revision 1
 * greetings always did. See {@link VisitUpcasters}.
 */
@Revision("2")
public record CustomerGreeted(String visitId,
                              String staffId,
                              boolean rainy,
                              boolean umbrellaStandShown,
                              boolean wetFloor,
                              boolean wetFloorSignShown,
                              boolean conditionsRecorded) {

    /** A greeting that recorded the hall's conditions, as every greeting has since revision 1. */
    public CustomerGreeted(String visitId, String staffId, boolean rainy, boolean umbrellaStandShown,
                           boolean wetFloor, boolean wetFloorSignShown) {
        this(visitId, staffId, rainy, umbrellaStandShown, wetFloor, wetFloorSignShown, true);
    }
}
