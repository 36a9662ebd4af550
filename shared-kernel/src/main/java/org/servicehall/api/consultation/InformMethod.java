package org.servicehall.api.consultation;

/** How the customer was told the answer to a question that became a work order. */
public enum InformMethod {
    PHONE,
    SMS,
    IN_PERSON,
    LETTER
}
