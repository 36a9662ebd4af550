package org.servicehall.platform.personaldata;

/** How much of a customer's personal data a reader may see. */
public enum Visibility {
    /** The value itself (compliance staff). */
    CLEAR,
    /** The value masked as its {@link org.servicehall.api.PersonalData.Kind} says. */
    MASKED
}
