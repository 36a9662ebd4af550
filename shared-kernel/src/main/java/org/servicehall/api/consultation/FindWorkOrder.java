package org.servicehall.api.consultation;

/** Query: one work order as the hall chases it. */
public record FindWorkOrder(String workOrderId) {
}
