package org.servicehall.query.figures;

import org.springframework.data.annotation.Id;

/**
 * What the figures keep of one aggregate between its events (events after the first carry no hall, and durations
 * need the time of an earlier event), with the sequence number of the last event applied to it. An aggregate's events
 * arrive in order and a redelivery repeats events already applied, so an event at or below {@link #sequence} is
 * skipped: each event changes the track exactly once.
 */
abstract class Track {

    @Id
    String id;
    long sequence = -1;
}
