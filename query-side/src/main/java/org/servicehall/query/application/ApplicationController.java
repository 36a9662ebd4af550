package org.servicehall.query.application;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.servicehall.api.BusinessType;
import org.servicehall.api.application.ApplicationStatus;
import org.servicehall.api.application.FindApplication;
import org.servicehall.api.application.ListApplications;
import org.servicehall.platform.web.InvalidField;
import org.servicehall.platform.web.InvalidInput;
import org.servicehall.platform.web.NotFound;
import org.servicehall.query.support.ReadYourWrites;
import org.servicehall.query.support.HallTime;
import org.servicehall.query.support.Page;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import static org.springframework.format.annotation.DateTimeFormat.ISO.DATE;

@RestController
@ReadYourWrites(ApplicationProjection.PROCESSING_GROUP)
@RequestMapping(path = "/api/applications", produces = "application/json")
class ApplicationController {

    private static final List<String> APPLICATION_TYPES = Arrays.stream(BusinessType.values())
                                                                .filter(BusinessType::isApplication)
                                                                .map(BusinessType::name).toList();
    private static final String FINAL_STATUSES = Arrays.stream(ApplicationStatus.values())
                                                       .filter(ApplicationStatus::isFinal)
                                                       .map(ApplicationStatus::name)
                                                       .collect(Collectors.joining(", "));

    private final QueryGateway queries;
    private final HallTime time;

    ApplicationController(QueryGateway queries, HallTime time) {
        this.queries = queries;
        this.time = time;
    }

    @GetMapping("/{id}")
    ApplicationProgress application(@PathVariable String id) {
        return queries.query(new FindApplication(id), ResponseTypes.optionalInstanceOf(ApplicationProgress.class))
                      .join()
                      .orElseThrow(() -> new NotFound("Application", id));
    }

    /** Open applications by default, earliest promised date first. */
    @GetMapping
    Page<ApplicationProgress> applications(@RequestParam(required = false) ApplicationStatus status,
                                           @RequestParam(name = "hall", required = false) String hallId,
                                           @RequestParam(required = false) BusinessType type,
                                           @RequestParam(required = false) @DateTimeFormat(iso = DATE) LocalDate from,
                                           @RequestParam(required = false) @DateTimeFormat(iso = DATE) LocalDate to,
                                           @RequestParam(defaultValue = "0") @Min(0) int page,
                                           @RequestParam(defaultValue = Page.DEFAULT_SIZE) @Min(1)
                                           @Max(Page.MAX_SIZE) int size) {
        if (type != null && !type.isApplication()) {
            throw new InvalidInput(List.of(new InvalidField("type", "query", "must be a business application type",
                                                            type.name(), APPLICATION_TYPES)));
        }
        time.checkArchiveRange(status != null && status.isFinal(), hallId, from, to, FINAL_STATUSES);
        return queries.query(new ListApplications(status, hallId, type, from, to, page, size),
                             Page.ofItems(ApplicationProgress.class))
                      .join();
    }
}
