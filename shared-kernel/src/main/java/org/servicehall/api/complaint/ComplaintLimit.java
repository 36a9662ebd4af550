package org.servicehall.api.complaint;

/** The time limits a complaint is held to, counted in working days on the hall's calendar. */
public enum ComplaintLimit {
    /** contact the complainant (default: within 1 working day of registration) */
    FIRST_CONTACT,
    /** reply with the handling opinion (default: within 7 working days of registration or reopening) */
    REPLY,
    /** call the customer back (default: within 1 working day of the resolution) */
    CALLBACK
}
