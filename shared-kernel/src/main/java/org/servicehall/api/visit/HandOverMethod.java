package org.servicehall.api.visit;

/** How a customer is handed over to the back office or another department. */
public enum HandOverMethod {
    ESCORTED,
    PHONE
}
