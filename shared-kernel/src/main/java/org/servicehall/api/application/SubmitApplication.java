package org.servicehall.api.application;

import org.servicehall.api.BusinessType;

/**
 * A customer applies for a business (新装, 增容, 过户...); only application types are accepted. {@code accountNumber}
 * (户号) is absent for a new connection.
 */
public record SubmitApplication(String applicationId,
                                String visitId,
                                String hallId,
                                String staffId,
                                BusinessType type,
                                String customerId,
                                String applicantName,
                                String applicantPhone,
                                String accountNumber) {
}
