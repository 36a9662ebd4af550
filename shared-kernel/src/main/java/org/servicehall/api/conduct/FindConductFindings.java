package org.servicehall.api.conduct;

import java.time.LocalDate;

/**
 * Query: the conduct audit's findings of one hall over its local days {@code from}..{@code to} (inclusive), of the
 * enabled rules, optionally of one rule ({@code rule}, its id) and one staff member; oldest first, one page.
 */
public record FindConductFindings(String hallId, LocalDate from, LocalDate to, String rule, String staffId,
                                  int page, int size) {
}
