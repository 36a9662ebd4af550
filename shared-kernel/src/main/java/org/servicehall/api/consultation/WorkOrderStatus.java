package org.servicehall.api.consultation;

/** Whether a work order still waits for its department. */
public enum WorkOrderStatus {
    OPEN,
    COMPLETED
}
