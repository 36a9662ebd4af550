package org.servicehall.api.payment;

/** Query: one cashier's shift with its till settlement (日结). */
public record FindShift(String shiftId) {
}
