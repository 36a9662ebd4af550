package org.servicehall.query.complaint;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
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
import org.servicehall.platform.values.HallId;
import org.servicehall.platform.web.InvalidField;
import org.servicehall.platform.web.NotFound;
import org.servicehall.query.support.CheckedTogether;
import org.servicehall.query.support.HallTime;
import org.servicehall.query.support.Page;
import org.servicehall.query.support.ReadYourWrites;
import org.servicehall.query.support.ServerSentEvents;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.BindParam;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.springframework.format.annotation.DateTimeFormat.ISO.DATE;

@RestController
@ReadYourWrites(ComplaintProjection.PROCESSING_GROUP)
@RequestMapping(path = "/api/complaints", produces = "application/json")
class ComplaintController {

    private final QueryGateway queries;
    private final ServerSentEvents events;

    ComplaintController(QueryGateway queries, ServerSentEvents events) {
        this.queries = queries;
        this.events = events;
    }

    /** Which board. */
    record BoardParameters(@Parameter(description = "a hall's id; default: the board of all halls",
                                      example = "dalian-01") @HallId String hall) {
    }

    @Operation(summary = "The complaint board: every open complaint (of one hall, or of all), nearest due limit first")
    @GetMapping("/board")
    ComplaintBoard board(@ParameterObject BoardParameters parameters) {
        return queries.query(new FindComplaintBoard(parameters.hall()), ComplaintBoard.class).join();
    }

    @Operation(summary = "Follow the complaint board live (Server-Sent Events): event 'initial' with the board, then "
            + "event 'update' with the whole board after each change, also when a limit falls at risk or overdue")
    @GetMapping(path = "/board", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    ResponseEntity<SseEmitter> followBoard(@ParameterObject BoardParameters parameters) {
        return events.stream(new FindComplaintBoard(parameters.hall()), ResponseTypes.instanceOf(ComplaintBoard.class),
                             ComplaintBoard.class, null);
    }

    @GetMapping("/{id}")
    ComplaintFollowUp complaint(@PathVariable UUID id) {
        return queries.query(new FindComplaint(id.toString()),
                             ResponseTypes.optionalInstanceOf(ComplaintFollowUp.class))
                      .join()
                      .orElseThrow(() -> new NotFound("Complaint", id.toString()));
    }

    /** The list's parameters; without any, the board: open complaints, nearest due limit first. */
    record ListParameters(
            @Parameter(description = "default: the open ones") ComplaintStatus status,
            @Parameter(name = "class") @BindParam("class") ComplaintClass complaintClass,
            @Parameter(description = "the department a complaint is with", example = "metering") String department,
            @Parameter(description = "a hall's id", example = "dalian-01") @HallId String hall,
            @Parameter(description = "how the limit stands") DeadlineStanding deadline,
            @Parameter(description = "first day of the archive (with status CLOSED), the hall's local date; "
                    + "default: 29 days before 'to'", example = "2026-11-01") @DateTimeFormat(iso = DATE)
            LocalDate from,
            @Parameter(description = "last day of the archive (with status CLOSED), inclusive, at most "
                    + HallTime.MAX_ARCHIVE_DAYS + " days after 'from'; default: today", example = "2026-11-30")
            @DateTimeFormat(iso = DATE) LocalDate to,
            @Parameter(description = "0-based, default 0") @Min(0) Integer page,
            @Parameter(description = "1 to " + Page.MAX_SIZE + ", default " + Page.DEFAULT_SIZE) @Min(1)
            @Max(Page.MAX_SIZE) Integer size) implements CheckedTogether {

        ListParameters {
            page = page != null ? page : 0;
            size = size != null ? size : Page.DEFAULT_SIZE;
        }

        @Override
        public List<InvalidField> invalidTogether(HallTime time) {
            return time.invalidArchiveRange(status == ComplaintStatus.CLOSED, hall, from, to, "CLOSED");
        }
    }

    @GetMapping
    Page<ComplaintFollowUp> complaints(@ParameterObject ListParameters parameters) {
        return queries.query(new ListComplaints(parameters.status(), parameters.complaintClass(),
                                                parameters.department(), parameters.hall(), parameters.deadline(),
                                                parameters.from(), parameters.to(), parameters.page(),
                                                parameters.size()),
                             Page.ofItems(ComplaintFollowUp.class))
                      .join();
    }
}
