package org.servicehall.api.figures;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Query: the service figures of one hall for the local dates {@code from} to {@code to} (both included), broken down
 * by {@code groupBy}, answered by the query side. {@code asOf} is the moment figures that depend on "now" are taken
 * at (work orders still open past their due time).
 */
public record FindServiceFigures(String hallId, LocalDate from, LocalDate to, FigureGrouping groupBy, Instant asOf) {
}
