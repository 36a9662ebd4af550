package org.servicehall.query.complaint;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.servicehall.api.complaint.ComplaintClass;
import org.servicehall.api.complaint.ComplaintStatus;
import org.servicehall.api.complaint.DeadlineStanding;
import org.servicehall.api.complaint.FindComplaint;
import org.servicehall.api.complaint.FindComplaintBoard;
import org.servicehall.api.complaint.ListComplaints;
import org.servicehall.platform.web.NotFound;
import org.servicehall.query.support.ReadYourWrites;
import org.servicehall.query.support.ServerSentEvents;
import org.servicehall.query.support.HallTime;
import org.servicehall.query.support.Page;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.time.LocalDate;

import static org.springframework.format.annotation.DateTimeFormat.ISO.DATE;

@RestController
@ReadYourWrites(ComplaintProjection.PROCESSING_GROUP)
@RequestMapping(path = "/api/complaints", produces = "application/json")
class ComplaintController {

    private final QueryGateway queries;
    private final HallTime time;
    private final ServerSentEvents events;

    ComplaintController(QueryGateway queries, HallTime time, ServerSentEvents events) {
        this.queries = queries;
        this.time = time;
        this.events = events;
    }

    @Operation(summary = "The complaint board: every open complaint (of one hall, or of all), nearest due limit first")
    @GetMapping("/board")
    ComplaintBoard board(@RequestParam(name = "hall", required = false) String hallId) {
        return queries.query(new FindComplaintBoard(hallId), ComplaintBoard.class).join();
    }

    @Operation(summary = "Follow the complaint board live (Server-Sent Events): event 'initial' with the board, then "
            + "event 'update' with the whole board after each change, also when a limit falls at risk or overdue")
    @GetMapping(path = "/board", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    ResponseEntity<SseEmitter> followBoard(@RequestParam(name = "hall", required = false) String hallId) {
        return events.stream(new FindComplaintBoard(hallId), ResponseTypes.instanceOf(ComplaintBoard.class),
                             ComplaintBoard.class, null);
    }

    @GetMapping("/{id}")
    ComplaintFollowUp complaint(@PathVariable String id) {
        return queries.query(new FindComplaint(id), ResponseTypes.optionalInstanceOf(ComplaintFollowUp.class))
                      .join()
                      .orElseThrow(() -> new NotFound("Complaint", id));
    }

    /** The board by default: open complaints, nearest due limit first. */
    @GetMapping
    Page<ComplaintFollowUp> complaints(@RequestParam(required = false) ComplaintStatus status,
                                       @RequestParam(name = "class", required = false) ComplaintClass complaintClass,
                                       @RequestParam(required = false) String department,
                                       @RequestParam(name = "hall", required = false) String hallId,
                                       @RequestParam(required = false) DeadlineStanding deadline,
                                       @RequestParam(required = false) @DateTimeFormat(iso = DATE) LocalDate from,
                                       @RequestParam(required = false) @DateTimeFormat(iso = DATE) LocalDate to,
                                       @RequestParam(defaultValue = "0") @Min(0) int page,
                                       @RequestParam(defaultValue = Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE)
                                       int size) {
        time.checkArchiveRange(status == ComplaintStatus.CLOSED, hallId, from, to, "CLOSED");
        return queries.query(new ListComplaints(status, complaintClass, department, hallId, deadline, from, to, page,
                                                size),
                             Page.ofItems(ComplaintFollowUp.class))
                      .join();
    }
}
