package org.servicehall.api.consultation;

import java.time.LocalDate;

/**
 * Query: work orders, one page of them. Open ones (the default) come nearest due first; completed ones are those
 * completed between {@code from} and {@code to} (days in the hall's zone, both included), last completed first.
 * {@code overdue} keeps open orders past their due time, or completed orders completed late ({@code false}: the
 * others). Null filters match everything; {@code page} counts from 0.
 */
public record ListWorkOrders(WorkOrderStatus status,
                             String department,
                             String hallId,
                             Boolean overdue,
                             LocalDate from,
                             LocalDate to,
                             int page,
                             int size) {
}
