package org.servicehall.platform.deadline;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.axonframework.common.AxonConfigurationException;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.deadline.AbstractDeadlineManager;
import org.axonframework.deadline.DeadlineManagerSpanFactory;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.deadline.DefaultDeadlineManagerSpanFactory;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.ScopeAware;
import org.axonframework.messaging.ScopeAwareProvider;
import org.axonframework.messaging.ScopeDescriptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.Serializer;
import org.axonframework.tracing.NoOpSpanFactory;
import org.axonframework.tracing.Span;
import org.axonframework.tracing.SpanScope;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.nin;
import static org.axonframework.common.BuilderUtils.assertNonNull;
import static org.axonframework.common.BuilderUtils.assertThat;
import static org.axonframework.deadline.GenericDeadlineMessage.asDeadlineMessage;
import static org.servicehall.platform.deadline.DeadlineDocuments.ATTEMPTS;
import static org.servicehall.platform.deadline.DeadlineDocuments.DEADLINE_NAME;
import static org.servicehall.platform.deadline.DeadlineDocuments.FAILED_AT;
import static org.servicehall.platform.deadline.DeadlineDocuments.ID;
import static org.servicehall.platform.deadline.DeadlineDocuments.LAST_ERROR;
import static org.servicehall.platform.deadline.DeadlineDocuments.NEXT_ATTEMPT_AT;
import static org.servicehall.platform.deadline.DeadlineDocuments.OWNER;
import static org.servicehall.platform.deadline.DeadlineDocuments.SCOPE;

/**
 * Axon deadlines kept in MongoDB: they survive restarts, and each fires once however many instances poll.
 * <p>
 * Why our own: Axon's {@code SimpleDeadlineManager} keeps deadlines in memory only; its {@code JobRunrDeadlineManager}
 * (open-source JobRunr) throws {@code UnsupportedOperationException} from {@code cancelAll} and
 * {@code cancelAllWithinScope} (they need JobRunr Pro), which the complaint and work-order aggregates rely on; its
 * db-scheduler manager, and Quartz's persistent job store, need a JDBC database. This one uses only what MongoDB and
 * the embedded server both offer: single-document writes, no transactions, no change streams.
 * <p>
 * Each scheduled deadline is one document ({@link DeadlineDocuments}). Every instance polls (default every second)
 * for documents whose {@code nextAttemptAt} has passed and claims each with a conditional update ({@code _id} and
 * {@code nextAttemptAt} still passed) that moves {@code nextAttemptAt} to the claim's expiry and sets the
 * {@code owner}: of several instances racing for one deadline exactly one matches. The winner fires the deadline into
 * its scope as Axon's own managers do (unit of work, handler interceptors, spans) and deletes the document. A failed
 * attempt is released for a retry with a doubling back-off; after {@code maxAttempts} the document stays, marked
 * {@code failedAt} and logged as an error, so nothing is lost silently. An instance that dies while firing leaves a
 * claim that expires after {@code claimTimeout}; another instance then fires the deadline again (at least once, with
 * the same message identifier).
 * <p>
 * The due query is a range on {@code nextAttemptAt}, and claims and cancels filter on more than {@code _id}: the
 * embedded server answers them by scanning the collection, which stays cheap because it holds only pending (and
 * failed) deadlines, fired ones are deleted. A real MongoDB uses {@code _id} and the indexes
 * {@link #ensureIndexes()} declares.
 * <p>
 * Inside a unit of work (a command, or a deadline being fired), a deadline is stored as the unit of work prepares to
 * commit, as with Axon's managers, and removed again if it rolls back; a cancel takes effect once it has committed
 * (see {@link #cancel}).
 */
public class MongoDeadlineManager extends AbstractDeadlineManager {

    private static final Logger log = LoggerFactory.getLogger(MongoDeadlineManager.class);
    /** The back-off doubles after each failed attempt up to this. */
    private static final Duration MAX_RETRY_BACKOFF = Duration.ofMinutes(5);
    /** Deadlines claimed per query; the poller goes on while whole batches come back. */
    private static final int BATCH_SIZE = 100;
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(15);

    private final MongoCollection<Document> deadlines;
    private final ScopeAwareProvider scopeAwareProvider;
    private final Serializer serializer;
    private final TransactionManager transactionManager;
    private final DeadlineManagerSpanFactory spanFactory;
    private final Clock clock;
    private final Duration pollInterval;
    private final Duration claimTimeout;
    private final Duration retryBackoff;
    private final int maxAttempts;
    private final String owner;
    private final String scheduledResource;

    private final Object lifecycle = new Object();
    private ScheduledExecutorService poller;
    private volatile boolean stopped;

    protected MongoDeadlineManager(Builder builder) {
        builder.validate();
        this.deadlines = builder.database.getCollection(builder.collection);
        this.scopeAwareProvider = builder.scopeAwareProvider;
        this.serializer = builder.serializer;
        this.transactionManager = builder.transactionManager;
        this.spanFactory = builder.spanFactory;
        this.clock = builder.clock;
        this.pollInterval = builder.pollInterval;
        this.claimTimeout = builder.claimTimeout;
        this.retryBackoff = builder.retryBackoff;
        this.maxAttempts = builder.maxAttempts;
        this.owner = builder.owner;
        this.scheduledResource = MongoDeadlineManager.class.getName() + ".scheduled@" + owner;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Creates the indexes a real MongoDB uses for polling and cancelling; idempotent. */
    public void ensureIndexes() {
        // Both are non-unique, so the embedded server ignores them and scans (see the class comment).
        deadlines.createIndex(Indexes.ascending(NEXT_ATTEMPT_AT), new IndexOptions().name("nextAttemptAt_1"));
        deadlines.createIndex(Indexes.ascending(DEADLINE_NAME, SCOPE),
                              new IndexOptions().name("deadlineName_1_scope_1"));
    }

    // ---------------------------------------------------------------- the DeadlineManager API

    @Override
    public String schedule(Instant triggerDateTime, String deadlineName, Object messageOrPayload,
                           ScopeDescriptor deadlineScope) {
        DeadlineMessage<?> deadlineMessage = asDeadlineMessage(deadlineName, messageOrPayload, triggerDateTime);
        String scheduleId = UUID.randomUUID().toString();
        Span span = spanFactory.createScheduleSpan(deadlineName, scheduleId, deadlineMessage);
        // The scope is serialized when the unit of work commits: a new aggregate's identifier is known only then.
        runOnPrepareCommitOrNow(span.wrapRunnable(() -> deadlines.insertOne(DeadlineDocuments.scheduled(
                scheduleId, triggerDateTime, deadlineScope, processDispatchInterceptors(deadlineMessage),
                serializer, clock.instant()))));
        if (CurrentUnitOfWork.isStarted()) {
            UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
            scheduledIn(unitOfWork).add(scheduleId);
            unitOfWork.onRollback(rolledBack -> deadlines.deleteOne(eq(ID, scheduleId)));
        }
        return scheduleId;
    }

    @Override
    public void cancelSchedule(String deadlineName, String scheduleId) {
        cancel(spanFactory.createCancelScheduleSpan(deadlineName, scheduleId),
               and(eq(ID, scheduleId), eq(DEADLINE_NAME, deadlineName)));
    }

    @Override
    public void cancelAll(String deadlineName) {
        cancel(spanFactory.createCancelAllSpan(deadlineName), eq(DEADLINE_NAME, deadlineName));
    }

    @Override
    public void cancelAllWithinScope(String deadlineName, ScopeDescriptor scope) {
        cancel(spanFactory.createCancelAllWithinScopeSpan(deadlineName, scope),
               DeadlineDocuments.inScope(deadlineName, scope, serializer));
    }

    /**
     * Inside a unit of work a cancel waits until it has committed, unlike in Axon's managers (which cancel as it
     * prepares to commit): a command whose events are then rejected must not have cancelled anything. What the
     * unit of work schedules after the cancel is spared, so "cancel, then schedule again" keeps the new deadline.
     */
    private void cancel(Span span, Bson deadlinesToCancel) {
        if (!CurrentUnitOfWork.isStarted()) {
            span.run(() -> deadlines.deleteMany(deadlinesToCancel));
            return;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        List<String> scheduled = scheduledIn(unitOfWork);
        int scheduledBefore = scheduled.size();
        unitOfWork.afterCommit(committed -> span.run(() -> {
            List<String> scheduledAfter = scheduled.subList(scheduledBefore, scheduled.size());
            deadlines.deleteMany(scheduledAfter.isEmpty() ? deadlinesToCancel
                                                          : and(deadlinesToCancel, nin(ID, scheduledAfter)));
        }));
    }

    /** The deadlines {@code unitOfWork} scheduled with this manager so far, in order. */
    private List<String> scheduledIn(UnitOfWork<?> unitOfWork) {
        return unitOfWork.root().getOrComputeResource(scheduledResource, key -> new ArrayList<String>());
    }

    // ---------------------------------------------------------------- polling

    /** Starts polling every {@code pollInterval}; idempotent. */
    public void start() {
        synchronized (lifecycle) {
            if (poller != null) {
                return;
            }
            stopped = false;
            poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "deadlines-" + owner);
                thread.setDaemon(true);
                return thread;
            });
            poller.scheduleWithFixedDelay(this::pollSafely, 0, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
            log.info("Polling deadlines every {} as {}", pollInterval, owner);
        }
    }

    /** Stops polling and waits for a deadline being fired to finish; idempotent. */
    public void shutdown() {
        ScheduledExecutorService stopping;
        synchronized (lifecycle) {
            stopping = poller;
            if (stopping == null) {
                return;
            }
            poller = null;
            stopped = true;
        }
        stopping.shutdown();
        try {
            if (!stopping.awaitTermination(SHUTDOWN_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("A deadline was still firing after {}; its claim expires after {} and it fires again",
                         SHUTDOWN_WAIT, claimTimeout);
                stopping.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping.shutdownNow();
        }
    }

    private void pollSafely() {
        try {
            fireDue();
        } catch (RuntimeException e) {
            log.warn("Polling deadlines failed; trying again in {}", pollInterval, e);
        }
    }

    /**
     * Fires every deadline due now that this instance can claim, one by one; the poller calls it, and tests call it
     * to fire at a time of their choosing.
     *
     * @return how many deadlines this instance claimed (fired or failed)
     */
    int fireDue() {
        int claimed = 0;
        List<Object> due;
        do {
            due = deadlines.find(lte(NEXT_ATTEMPT_AT, Date.from(clock.instant())))
                           .projection(Projections.include(ID))
                           .sort(Sorts.ascending(NEXT_ATTEMPT_AT))
                           .limit(BATCH_SIZE)
                           .map(document -> document.get(ID))
                           .into(new ArrayList<>());
            for (Object scheduleId : due) {
                if (stopped) {
                    return claimed;
                }
                Claim claim = claim(scheduleId);
                if (claim != null) {
                    claimed++;
                    fire(claim);
                }
            }
        } while (due.size() == BATCH_SIZE);
        return claimed;
    }

    /** A deadline this instance holds until {@code expiry}, as it was just before the claim. */
    private record Claim(Document deadline, Date expiry) {

        String scheduleId() {
            return (String) deadline.get(ID);
        }

        int attempt() {
            return DeadlineDocuments.attempts(deadline) + 1;
        }
    }

    /**
     * Claims a deadline if it is still due: of several instances racing for it, one moves {@code nextAttemptAt} past
     * now and the others' filters no longer match. The filter uses nothing read before (the embedded server may
     * return a document it is changing concurrently); the document comes back as it was before the update, which
     * the embedded server copies inside its lock.
     *
     * @return the claim, or {@code null} when another instance has it
     */
    private Claim claim(Object scheduleId) {
        Instant now = clock.instant();
        Date expiry = Date.from(now.plus(claimTimeout));
        Document before = deadlines.findOneAndUpdate(
                and(eq(ID, scheduleId), lte(NEXT_ATTEMPT_AT, Date.from(now))),
                Updates.combine(Updates.set(NEXT_ATTEMPT_AT, expiry), Updates.set(OWNER, owner),
                                Updates.inc(ATTEMPTS, 1)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.BEFORE));
        return before == null ? null : new Claim(before, expiry);
    }

    private void fire(Claim claim) {
        String scheduleId = claim.scheduleId();
        String deadlineName = DeadlineDocuments.deadlineName(claim.deadline());
        Bson stillOurs = and(eq(ID, scheduleId), eq(OWNER, owner), eq(NEXT_ATTEMPT_AT, claim.expiry()));
        Throwable failure;
        try {
            failure = dispatch(scheduleId, claim.deadline());
        } catch (RuntimeException e) {
            failure = e;
        }
        if (failure == null) {
            // By _id alone, which the embedded server finds by its index. Were the claim lost meanwhile (it expired
            // and another instance fired the deadline too), deleting it still does no harm.
            deadlines.deleteOne(eq(ID, scheduleId));
            return;
        }
        Instant now = clock.instant();
        int attempt = claim.attempt();
        if (attempt >= maxAttempts) {
            deadlines.updateOne(stillOurs, Updates.combine(Updates.set(FAILED_AT, Date.from(now)),
                                                           Updates.set(LAST_ERROR, String.valueOf(failure)),
                                                           Updates.unset(NEXT_ATTEMPT_AT), Updates.unset(OWNER)));
            log.atError().setCause(failure)
               .addKeyValue("scheduleId", scheduleId).addKeyValue("deadlineName", deadlineName)
               .log("Deadline {} [{}] failed {} times and is given up; it stays in the '{}' collection marked {}",
                    deadlineName, scheduleId, attempt, deadlines.getNamespace().getCollectionName(), FAILED_AT);
            return;
        }
        Duration backoff = backoff(attempt);
        deadlines.updateOne(stillOurs, Updates.combine(Updates.set(NEXT_ATTEMPT_AT, Date.from(now.plus(backoff))),
                                                       Updates.set(LAST_ERROR, String.valueOf(failure)),
                                                       Updates.unset(OWNER)));
        log.atWarn().setCause(failure)
           .addKeyValue("scheduleId", scheduleId).addKeyValue("deadlineName", deadlineName)
           .log("Deadline {} [{}] failed (attempt {} of {}); retrying in {}", deadlineName, scheduleId, attempt,
                maxAttempts, backoff);
    }

    private Duration backoff(int attempt) {
        Duration backoff = retryBackoff.multipliedBy(1L << Math.min(attempt - 1, 20));
        return backoff.compareTo(MAX_RETRY_BACKOFF) > 0 ? MAX_RETRY_BACKOFF : backoff;
    }

    /** As Axon's own deadline managers fire a deadline. @return the failure, or {@code null} when it was handled */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private Throwable dispatch(String scheduleId, Document deadline) {
        DeadlineMessage<?> message = DeadlineDocuments.message(deadline, serializer, clock.instant());
        ScopeDescriptor scope = DeadlineDocuments.scope(deadline, serializer);
        Span span = spanFactory.createExecuteSpan(message.getDeadlineName(), scheduleId, message).start();
        try (SpanScope ignored = span.makeCurrent()) {
            UnitOfWork<DeadlineMessage<?>> unitOfWork = new DefaultUnitOfWork<>(message);
            unitOfWork.attachTransaction(transactionManager);
            unitOfWork.onRollback(uow -> span.recordException(uow.getExecutionResult().getExceptionResult()));
            InterceptorChain chain = new DefaultInterceptorChain<>(unitOfWork, handlerInterceptors(), intercepted -> {
                sendToScope((DeadlineMessage<?>) intercepted, scope);
                return null;
            });
            ResultMessage<?> result = unitOfWork.executeWithResult(chain::proceed);
            return result.isExceptional() ? result.exceptionResult() : null;
        } finally {
            span.end();
        }
    }

    /**
     * Unlike Axon's managers, a scope nobody here can resolve is a failure, not a silent no-op: the deadline is
     * retried and, in the end, kept as failed.
     */
    private void sendToScope(DeadlineMessage<?> message, ScopeDescriptor scope) throws Exception {
        List<ScopeAware> handlers = scopeAwareProvider.provideScopeAwareStream(scope)
                                                      .filter(component -> component.canResolve(scope))
                                                      .toList();
        if (handlers.isEmpty()) {
            throw new IllegalStateException("Nothing here can handle a deadline for " + scope.scopeDescription());
        }
        for (ScopeAware handler : handlers) {
            handler.send(message, scope);
        }
    }

    // ---------------------------------------------------------------- figures

    /** Whether this instance fires deadlines (a side without aggregates or sagas only schedules them). */
    public boolean isPolling() {
        synchronized (lifecycle) {
            return poller != null;
        }
    }

    /** Deadlines waiting to fire (including those being fired or waiting for a retry). */
    public long pending() {
        return deadlines.countDocuments(exists(NEXT_ATTEMPT_AT));
    }

    /** Deadlines given up after {@code maxAttempts}, kept for an operator. */
    public long failed() {
        return deadlines.countDocuments(exists(FAILED_AT));
    }

    /**
     * Builds a {@link MongoDeadlineManager}. The database, {@link ScopeAwareProvider} and {@link Serializer} are
     * required.
     */
    public static class Builder {

        private MongoDatabase database;
        private String collection = "deadlines";
        private ScopeAwareProvider scopeAwareProvider;
        private Serializer serializer;
        private TransactionManager transactionManager = NoTransactionManager.INSTANCE;
        private DeadlineManagerSpanFactory spanFactory =
                DefaultDeadlineManagerSpanFactory.builder().spanFactory(NoOpSpanFactory.INSTANCE).build();
        private Clock clock = Clock.systemUTC();
        private Duration pollInterval = Duration.ofSeconds(1);
        private Duration claimTimeout = Duration.ofMinutes(1);
        private Duration retryBackoff = Duration.ofSeconds(2);
        private int maxAttempts = 10;
        private String owner = ManagementFactory.getRuntimeMXBean().getName() + "/"
                + UUID.randomUUID().toString().substring(0, 8);

        public Builder database(MongoDatabase database) {
            assertNonNull(database, "The database may not be null");
            this.database = database;
            return this;
        }

        public Builder collection(String collection) {
            assertNonNull(collection, "The collection may not be null");
            this.collection = collection;
            return this;
        }

        /** Finds the aggregates and sagas a deadline fires into; in an Axon configuration its ScopeAwareProvider. */
        public Builder scopeAwareProvider(ScopeAwareProvider scopeAwareProvider) {
            assertNonNull(scopeAwareProvider, "The ScopeAwareProvider may not be null");
            this.scopeAwareProvider = scopeAwareProvider;
            return this;
        }

        /** Writes scopes, payloads and metadata; a JSON serializer keeps the documents readable. */
        public Builder serializer(Serializer serializer) {
            assertNonNull(serializer, "The Serializer may not be null");
            this.serializer = serializer;
            return this;
        }

        public Builder transactionManager(TransactionManager transactionManager) {
            assertNonNull(transactionManager, "The TransactionManager may not be null");
            this.transactionManager = transactionManager;
            return this;
        }

        public Builder spanFactory(DeadlineManagerSpanFactory spanFactory) {
            assertNonNull(spanFactory, "The DeadlineManagerSpanFactory may not be null");
            this.spanFactory = spanFactory;
            return this;
        }

        /** Decides when a deadline is due; tests pass one they control. */
        public Builder clock(Clock clock) {
            assertNonNull(clock, "The Clock may not be null");
            this.clock = clock;
            return this;
        }

        public Builder pollInterval(Duration pollInterval) {
            assertPositive(pollInterval, "pollInterval");
            this.pollInterval = pollInterval;
            return this;
        }

        /** How long a claim holds; longer than firing one deadline may take, as another instance then fires it. */
        public Builder claimTimeout(Duration claimTimeout) {
            assertPositive(claimTimeout, "claimTimeout");
            this.claimTimeout = claimTimeout;
            return this;
        }

        /** The wait before the first retry; it doubles after each further failure, up to five minutes. */
        public Builder retryBackoff(Duration retryBackoff) {
            assertPositive(retryBackoff, "retryBackoff");
            this.retryBackoff = retryBackoff;
            return this;
        }

        /** How many times a deadline is tried before it is kept as failed. */
        public Builder maxAttempts(int maxAttempts) {
            assertThat(maxAttempts, attempts -> attempts > 0, "maxAttempts must be at least 1");
            this.maxAttempts = maxAttempts;
            return this;
        }

        /** Names this instance in claims, for operators; unique per manager by default. */
        public Builder owner(String owner) {
            assertNonNull(owner, "The owner may not be null");
            this.owner = owner;
            return this;
        }

        public MongoDeadlineManager build() {
            return new MongoDeadlineManager(this);
        }

        protected void validate() throws AxonConfigurationException {
            assertNonNull(database, "The database is a hard requirement and should be provided");
            assertNonNull(scopeAwareProvider, "The ScopeAwareProvider is a hard requirement and should be provided");
            assertNonNull(serializer, "The Serializer is a hard requirement and should be provided");
        }

        private static void assertPositive(Duration duration, String name) {
            assertThat(duration, d -> d != null && !d.isNegative() && !d.isZero(), name + " must be positive");
        }
    }
}
