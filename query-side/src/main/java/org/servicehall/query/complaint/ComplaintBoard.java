package org.servicehall.query.complaint;

import org.servicehall.api.complaint.DeadlineStanding;

import java.util.List;

/**
 * The open complaints supervisors watch, nearest due limit first, with how many have a limit overdue or at risk. It
 * holds no time of reading, so two readings differ only if something did change (a live stream sends only changes).
 *
 * @param hallId the hall, or none for all halls
 */
record ComplaintBoard(String hallId, int open, int overdue, int atRisk, List<ComplaintFollowUp> complaints) {

    static ComplaintBoard of(String hallId, List<ComplaintFollowUp> complaints) {
        return new ComplaintBoard(hallId, complaints.size(),
                                  (int) complaints.stream().filter(complaint -> complaint.stands(
                                          DeadlineStanding.OVERDUE)).count(),
                                  (int) complaints.stream().filter(complaint -> complaint.stands(
                                          DeadlineStanding.AT_RISK)).count(),
                                  complaints);
    }
}
