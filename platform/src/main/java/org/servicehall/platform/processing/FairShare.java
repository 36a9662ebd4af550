package org.servicehall.platform.processing;

import java.util.List;
import java.util.Map;

/**
 * How many segments of one processor an instance may hold, decided by each instance alone from the same facts: the
 * processor's segments, the live instances running it (ordered by id) and how many each holds.
 * <p>
 * Each instance's fair share is {@code segments / instances}, and one more for {@code segments % instances} of them,
 * taking turns by processor (its {@code rotation}) so that with several processors the extra segments fall on
 * different instances. The shares add up to the segments, so when every instance holds its share nothing is left
 * unclaimed. An instance above its share gives up only as many segments as the others have room for below theirs: a
 * segment is released only when another live instance can take it, so a segment never lies idle because its new
 * owner is not there (yet, or any more), and an instance about to leave is not handed anything.
 *
 * @param segments  how many segments the processor has
 * @param instances the live instances running the processor, ordered by id, this one included
 * @param held      how many segments each of them holds (an instance missing holds none)
 * @param rotation  the processor's place among the processors all instances run
 */
record FairShare(int segments, List<String> instances, Map<String, Integer> held, int rotation) {

    FairShare {
        instances = List.copyOf(instances);
        held = Map.copyOf(held);
    }

    /** The fair share of {@code instance}; 0 for one that is not among the live instances. */
    int shareOf(String instance) {
        int rank = instances.indexOf(instance);
        if (rank < 0) {
            return 0;
        }
        int count = instances.size();
        return segments / count + (Math.floorMod(rank - rotation, count) < segments % count ? 1 : 0);
    }

    /**
     * The most segments {@code instance} may hold now: its share, or more while the others have no room for what it
     * holds above its share.
     */
    int limitFor(String instance) {
        int share = shareOf(instance);
        int surplus = heldBy(instance) - share;
        if (surplus <= 0) {
            return share;
        }
        int room = instances.stream()
                            .filter(other -> !other.equals(instance))
                            .mapToInt(other -> Math.max(0, shareOf(other) - heldBy(other)))
                            .sum();
        return share + Math.max(0, surplus - room);
    }

    private int heldBy(String instance) {
        return held.getOrDefault(instance, 0);
    }
}
