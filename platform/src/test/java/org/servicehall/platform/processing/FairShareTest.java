package org.servicehall.platform.processing;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class FairShareTest {

    @Test
    void aLoneInstanceHoldsEverySegment() {
        FairShare share = new FairShare(4, List.of("a"), Map.of("a", 0), 0);

        assertThat(share.shareOf("a")).isEqualTo(4);
        assertThat(share.limitFor("a")).isEqualTo(4);
    }

    @Test
    void twoInstancesHoldHalfEach() {
        FairShare share = new FairShare(4, List.of("a", "b"), Map.of("a", 4, "b", 0), 0);

        assertThat(share.shareOf("a")).isEqualTo(2);
        assertThat(share.shareOf("b")).isEqualTo(2);
    }

    @Test
    void anInstanceAboveItsShareGivesUpWhatAnotherHasRoomFor() {
        FairShare share = new FairShare(4, List.of("a", "b"), Map.of("a", 4, "b", 0), 0);

        assertThat(share.limitFor("a")).isEqualTo(2);
        assertThat(share.limitFor("b")).isEqualTo(2);
    }

    @Test
    void noSegmentIsGivenUpWhenNoOtherInstanceHasRoom() {
        // b holds its share already (a's surplus came from a third instance that left a moment ago)
        FairShare share = new FairShare(4, List.of("a", "b"), Map.of("a", 3, "b", 2), 0);

        assertThat(share.limitFor("a")).isEqualTo(3);
    }

    @Test
    void onlyAsMuchIsGivenUpAsTheOthersHaveRoomFor() {
        // c has just come: it has room for 1; b holds its share
        FairShare share = new FairShare(6, List.of("a", "b", "c"), Map.of("a", 3, "b", 2, "c", 1), 0);

        assertThat(share.limitFor("a")).isEqualTo(2);
        FairShare before = new FairShare(6, List.of("a", "b", "c"), Map.of("a", 4, "b", 2, "c", 0), 0);
        assertThat(before.limitFor("a")).isEqualTo(2);
        FairShare twoAbove = new FairShare(6, List.of("a", "b", "c"), Map.of("a", 3, "b", 3, "c", 0), 0);
        assertThat(twoAbove.limitFor("a")).isEqualTo(2);
        assertThat(twoAbove.limitFor("b")).isEqualTo(2);
    }

    @Test
    void anInstanceAtOrBelowItsShareMayClaimUpToIt() {
        FairShare share = new FairShare(4, List.of("a", "b"), Map.of("a", 1, "b", 3), 0);

        assertThat(share.limitFor("a")).isEqualTo(2);
    }

    @Test
    void anInstanceNotAmongTheLiveOnesHasNoShare() {
        FairShare share = new FairShare(4, List.of("a", "b"), Map.of("a", 2, "b", 2), 0);

        assertThat(share.shareOf("c")).isZero();
    }

    @Test
    void theSharesAddUpToTheSegmentsWhateverTheCount() {
        for (int instances = 1; instances <= 7; instances++) {
            List<String> ids = IntStream.range(0, instances).mapToObj(i -> "i" + i).toList();
            for (int segments = 1; segments <= 9; segments++) {
                for (int rotation = 0; rotation < 9; rotation++) {
                    FairShare share = new FairShare(segments, ids, Map.of(), rotation);
                    int total = ids.stream().mapToInt(share::shareOf).sum();
                    assertThat(total).as("%d segments over %d instances", segments, instances).isEqualTo(segments);
                    int most = ids.stream().mapToInt(share::shareOf).max().orElseThrow();
                    int least = ids.stream().mapToInt(share::shareOf).min().orElseThrow();
                    assertThat(most - least).isLessThanOrEqualTo(1);
                }
            }
        }
    }

    @Test
    void theExtraSegmentsOfSeveralProcessorsFallOnDifferentInstances() {
        List<String> ids = List.of("a", "b", "c");
        // nine processors of four segments over three instances: 2 + 1 + 1 each, the 2 taking turns
        Map<String, Integer> totals = new HashMap<>();
        for (int processor = 0; processor < 9; processor++) {
            FairShare share = new FairShare(4, ids, Map.of(), processor);
            ids.forEach(id -> totals.merge(id, share.shareOf(id), Integer::sum));
        }

        assertThat(totals).containsEntry("a", 12).containsEntry("b", 12).containsEntry("c", 12);
    }
}
