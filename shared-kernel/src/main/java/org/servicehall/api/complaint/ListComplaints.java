package org.servicehall.api.complaint;

import java.time.LocalDate;

/**
 * Query: complaints for supervisors, one page of them. Without a {@code status}, or with an open one, they come from
 * the open complaints (the board), nearest due limit first; with {@link ComplaintStatus#CLOSED}, from those closed
 * between {@code from} and {@code to} (days in the hall's zone, both included), last closed first. Null filters match
 * everything; {@code page} counts from 0.
 */
public record ListComplaints(ComplaintStatus status,
                             ComplaintClass complaintClass,
                             String department,
                             String hallId,
                             DeadlineStanding deadline,
                             LocalDate from,
                             LocalDate to,
                             int page,
                             int size) {
}
