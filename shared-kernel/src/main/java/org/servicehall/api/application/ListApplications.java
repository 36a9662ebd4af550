package org.servicehall.api.application;

import org.servicehall.api.BusinessType;

import java.time.LocalDate;

/**
 * Query: business applications by status, one page of them. Without a {@code status}, or with one that is not final,
 * they come from the open applications, earliest promised date first; with a final status, from those that reached it
 * between {@code from} and {@code to} (days in the hall's zone, both included), last first. Null filters match
 * everything; {@code page} counts from 0.
 */
public record ListApplications(ApplicationStatus status,
                               String hallId,
                               BusinessType type,
                               LocalDate from,
                               LocalDate to,
                               int page,
                               int size) {
}
