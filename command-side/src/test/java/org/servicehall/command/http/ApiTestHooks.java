package org.servicehall.command.http;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.servicehall.api.MetadataKeys;
import org.servicehall.api.visit.RoutedToCounter;
import org.servicehall.command.clients.ClientPermissions;
import org.servicehall.platform.signin.ClientKind;
import org.servicehall.platform.eventstore.SequencedEventStorageEngine;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * What the command API tests need beyond the real application: a way to make things happen to one command while it
 * is handled (another writer, a stall, a failure), and a probe endpoint whose body and parameters have the types the
 * visit endpoints lack (enums, numbers, dates, lists, nested objects), to throw bad input at.
 */
@TestConfiguration(proxyBeanMethods = false)
class ApiTestHooks {

    /** The table with the probe in it: any client may send it. */
    @Bean
    @Primary
    ClientPermissions clientPermissionsWithProbe() {
        return ClientPermissions.HALL.with("POST /api/probe", EnumSet.allOf(ClientKind.class));
    }

    @Bean
    CommandHooks commandHooks(SequencedEventStorageEngine storage) {
        return new CommandHooks(storage);
    }

    /** Acts on the command whose correlation id a test armed, once. */
    static final class CommandHooks implements MessageHandlerInterceptor<CommandMessage<?>> {

        private final SequencedEventStorageEngine storage;
        private final Map<String, Hook> armed = new ConcurrentHashMap<>();
        private final Map<String, Hook> armedAfterHandling = new ConcurrentHashMap<>();

        CommandHooks(SequencedEventStorageEngine storage) {
            this.storage = storage;
        }

        interface Hook {
            void run(UnitOfWork<? extends CommandMessage<?>> unitOfWork) throws Exception;
        }

        @Override
        public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
                throws Exception {
            String correlationId = String.valueOf(unitOfWork.getMessage().getMetaData()
                                                            .get(MetadataKeys.CORRELATION_ID));
            Hook hook = armed.remove(correlationId);
            if (hook != null) {
                hook.run(unitOfWork);
            }
            Object result = chain.proceed();
            Hook after = armedAfterHandling.remove(correlationId);
            if (after != null) {
                after.run(unitOfWork);
            }
            return result;
        }

        /**
         * Another instance appends to the visit after this command loaded it and before it commits (from a thread of
         * its own: in this one, the append would join this command's unit of work).
         */
        void anotherWriterOn(String visitId, String correlationId) {
            armed.put(correlationId, unitOfWork -> unitOfWork.onPrepareCommit(uow -> CompletableFuture.runAsync(() -> {
                long next = storage.lastSequenceNumberFor(visitId).orElseThrow() + 1;
                storage.appendEvents(new GenericDomainEventMessage<>("Visit", visitId, next,
                                                                     new RoutedToCounter(visitId, "guide-9", "9")));
            }).join()));
        }

        /** The command waits, after telling {@code entered}, until {@code release} opens. */
        void stall(String correlationId, CountDownLatch entered, CountDownLatch release) {
            armed.put(correlationId, unitOfWork -> {
                entered.countDown();
                if (!release.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("never released");
                }
            });
        }

        /** The command fails with a fault of ours. */
        void fail(String correlationId) {
            armed.put(correlationId, unitOfWork -> {
                throw new IllegalStateException("the database went away");
            });
        }

        /** The command's handler runs and applies its events, and then {@code failure} is thrown. */
        void failAfterHandling(String correlationId, Exception failure) {
            armedAfterHandling.put(correlationId, unitOfWork -> {
                throw failure;
            });
        }

        /**
         * The command's handler runs and applies its events, and then its unit of work fails as it prepares to
         * commit, as it does when a deadline cannot be stored.
         */
        void failWhilePreparingToCommit(String correlationId) {
            armed.put(correlationId, unitOfWork -> unitOfWork.onPrepareCommit(uow -> {
                throw new IllegalStateException("the deadline could not be stored");
            }));
        }
    }

    enum Method {
        CASH, CARD
    }

    record Item(@NotBlank String code) {
    }

    record ProbeRequest(@NotNull Method method, long amountFen, int count, Instant at, LocalDate day, UUID ref,
                        Boolean flag, List<@Valid Item> items, @Valid Item nested) {
    }

    /** Registered as a member class of this configuration. */
    @RestController
    @RequestMapping(path = "/api/probe", produces = MediaType.APPLICATION_JSON_VALUE)
    static class Probe {

        @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
        ResponseEntity<Void> post(@Valid @RequestBody ProbeRequest request) {
            return ResponseEntity.noContent().build();
        }

        @GetMapping
        ResponseEntity<Void> get(@RequestParam @Min(0) int page, @RequestParam(required = false) Method method,
                                 @RequestParam(required = false) LocalDate day) {
            return ResponseEntity.noContent().build();
        }
    }
}
