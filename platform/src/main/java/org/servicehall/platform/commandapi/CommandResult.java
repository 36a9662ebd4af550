package org.servicehall.platform.commandapi;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The answer to every command that changes an aggregate: which one, and the version it is at now (also sent as
 * {@code ETag: "<version>"}, to be sent back as {@code If-Match}).
 * <p>
 * The version is also what read-your-writes will wait on: a view that has seen this version of this aggregate shows
 * the change. A global {@code position} in the event stream would join these two members here.
 *
 * @param id      the aggregate's id
 * @param version the sequence number of its last event: 0 after the first
 */
@Schema(description = "The aggregate a command changed and the version it is at now (also the ETag)")
public record CommandResult(@Schema(description = "The aggregate's id",
                                    example = "0b7e3e4a-5f1c-4d8e-9a51-2f0c6d1e8b42") String id,
                            @Schema(description = "Its version now: the sequence number of its last event, 0 after "
                                    + "the first; send it back as If-Match to make a command conditional",
                                    example = "1") long version) {
}
