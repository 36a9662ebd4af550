package org.servicehall.api.payment;

import java.time.LocalDate;

/** Query: the shifts a cashier worked on one day (in the hall's zone), with their till settlements. */
public record ListTills(String cashierId,
                        LocalDate day) {
}
