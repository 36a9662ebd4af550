package org.servicehall.api.complaint;

/** The class of a complaint. */
public enum ComplaintClass {
    /** 服务 */
    SERVICE,
    /** 营业 */
    BUSINESS_HANDLING,
    /** 停送电 */
    OUTAGE_RECONNECTION,
    /** 供电质量 */
    SUPPLY_QUALITY,
    /** 电网建设 */
    GRID_CONSTRUCTION
}
