package org.servicehall.api.complaint;

/** What kind of matter a complaint record is. */
public enum ComplaintKind {
    /** 投诉 */
    COMPLAINT,
    /** 举报: a report of misconduct, may be anonymous */
    REPORT,
    /** 意见 */
    OPINION
}
