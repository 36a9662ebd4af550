package org.servicehall.api.consultation;

import org.servicehall.api.BusinessType;
import org.servicehall.api.Channel;

/**
 * A customer asks a question, in person during a visit ({@code visitId}) or by phone (no visit). The clerk
 * listens, records and confirms the question.
 */
public record OpenConsultation(String consultationId,
                               String visitId,
                               String hallId,
                               String staffId,
                               Channel channel,
                               BusinessType topic,
                               String customerId,
                               String callerName,
                               String callerPhone,
                               String question) {
}
