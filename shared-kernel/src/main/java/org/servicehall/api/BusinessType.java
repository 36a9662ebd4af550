package org.servicehall.api;

/**
 * Why a customer came: the business types of docs/domain.md. The first nine are business applications (业务受理); the
 * others are what a visit, a consultation or a payment can be about. Analysts group service figures by it.
 */
public enum BusinessType {
    /** 新装 */
    NEW_CONNECTION(true),
    /** 增容 */
    CAPACITY_INCREASE(true),
    /** 减容 */
    CAPACITY_DECREASE(true),
    /** 暂停 */
    SUSPENSION(true),
    /** 更名 */
    NAME_CHANGE(true),
    /** 过户 */
    OWNERSHIP_TRANSFER(true),
    /** 改类 */
    TARIFF_CATEGORY_CHANGE(true),
    /** 校表 */
    METER_TEST(true),
    /** 移表 */
    METER_RELOCATION(true),
    /** 业扩报装咨询: questions on new connections and capacity changes */
    CONNECTION_INQUIRY(false),
    /** 电费电价: questions on bills and tariffs */
    BILLING_INQUIRY(false),
    /** 缴费: paying an electricity bill or a business fee */
    BILL_PAYMENT(false),
    /** 投诉举报: a complaint, a report or an opinion */
    COMPLAINT(false),
    OTHER(false);

    private final boolean application;

    BusinessType(boolean application) {
        this.application = application;
    }

    /** Whether this is a business application, the only types a {@code BusinessApplication} accepts. */
    public boolean isApplication() {
        return application;
    }
}
