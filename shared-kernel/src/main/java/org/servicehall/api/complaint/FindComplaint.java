package org.servicehall.api.complaint;

/** Query: one complaint as supervisors follow it up. */
public record FindComplaint(String complaintId) {
}
