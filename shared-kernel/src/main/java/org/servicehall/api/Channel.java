package org.servicehall.api;

/** How a customer reached the utility. Consultations come in person or by phone (来人来电); complaints by any. */
public enum Channel {
    IN_PERSON,
    PHONE,
    /** the 95598 service hotline */
    HOTLINE_95598,
    ONLINE,
    LETTER
}
