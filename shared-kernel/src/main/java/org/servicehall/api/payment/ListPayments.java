package org.servicehall.api.payment;

import java.time.LocalDate;

/**
 * Query: the money cashiers took in and paid out on one day (in the hall's zone), by cashier: of one cashier, of every
 * cashier of one hall, or of one cashier in one hall. At least one of {@code cashierId} and {@code hallId} is given.
 */
public record ListPayments(LocalDate day,
                           String cashierId,
                           String hallId) {
}
