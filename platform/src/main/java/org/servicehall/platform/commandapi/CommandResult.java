package org.servicehall.platform.commandapi;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The answer to every command that changes an aggregate: which one, and the version it is at now (also sent as
 * {@code ETag: "<version>"}, to be sent back as {@code If-Match}).
 * <p>
 * {@code position} is for read-your-writes: pass it to the query side as {@code X-Await-Position} and the read
 * waits until the view has passed it.
 *
 * @param id       the aggregate's id
 * @param version  the sequence number of its last event: 0 after the first
 * @param position the global position its events were stored at (also header {@code X-Event-Position}); absent if
 *                 the command stored nothing
 */
@Schema(description = "The aggregate a command changed and the version it is at now (also the ETag)")
public record CommandResult(@Schema(description = "The aggregate's id",
                                    example = "0b7e3e4a-5f1c-4d8e-9a51-2f0c6d1e8b42") String id,
                            @Schema(description = "Its version now: the sequence number of its last event, 0 after "
                                    + "the first; send it back as If-Match to make a command conditional",
                                    example = "1") long version,
                            @Schema(description = "The global position the command's events were stored at; send "
                                    + "it to the query side as X-Await-Position to read your own write",
                                    example = "1234") Long position) {
}
