package org.servicehall.api.complaint;

/**
 * Query: the complaint board, every open complaint (of one hall, or of all halls when {@code hallId} is null), nearest
 * due limit first. Subscribable: the board again after every change.
 */
public record FindComplaintBoard(String hallId) {
}
