package org.servicehall.platform.values;

import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The window a due time must lie in, under {@code hall.api.due-times.*}: a work order's {@code dueAt}, an
 * appointment's {@code appointmentAt}, an application's promised completion date. A time ahead of now, give or take
 * a client's clock; not so far ahead that it can only be a typing error or a forged value (a {@code dueAt} in the year
 * 999999999 stops the deadlines and the views).
 *
 * @param maxSkew how far in the past a due time may lie (a client's clock behind ours)
 * @param horizon how far ahead it may lie
 */
public record DueTimes(@DefaultValue("5m") Duration maxSkew, @DefaultValue("366d") Duration horizon) {
}
