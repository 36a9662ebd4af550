package org.servicehall.query.support;

import java.util.List;

/**
 * A view: one processing group and every MongoDB collection its projection reads or writes. Each view declares itself
 * once, as a bean in its projection's class, so that it can be rebuilt without downtime (see {@link ViewGenerations}):
 * <pre>
 * &#64;Bean
 * static ViewDefinition visitTimelineView() {
 *     return new ViewDefinition(PROCESSING_GROUP, TimelineDocument.COLLECTION, TimelineMember.COLLECTION);
 * }
 * </pre>
 * The names are the plain ones the projection uses (through {@code MongoTemplate}, with its entity classes or with
 * names); the template adds the generation. A rebuild refuses to run a projection that touches a collection its view
 * does not declare, so a forgotten name shows up as a failed rebuild, never as a view that silently lost data.
 *
 * @param processingGroup the view's processing group, e.g. {@code visit-timeline}
 * @param collections     the collections it owns
 */
public record ViewDefinition(String processingGroup, List<String> collections) {

    public ViewDefinition {
        if (processingGroup == null || processingGroup.isBlank()) {
            throw new IllegalArgumentException("A view needs its processing group");
        }
        if (collections == null || collections.isEmpty()) {
            throw new IllegalArgumentException("View " + processingGroup + " declares no collections");
        }
        collections = List.copyOf(collections);
        for (String collection : collections) {
            if (collection.contains(ViewGenerations.GENERATION_SEPARATOR)) {
                throw new IllegalArgumentException("View " + processingGroup + ": collection " + collection
                        + " holds '" + ViewGenerations.GENERATION_SEPARATOR + "', which marks generations");
            }
        }
    }

    public ViewDefinition(String processingGroup, String... collections) {
        this(processingGroup, List.of(collections));
    }
}
