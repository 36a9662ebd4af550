package org.servicehall.query.support;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.servicehall.platform.web.InvalidInput;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.method.HandlerMethod;

import java.security.Principal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A wait for a position holds one of Tomcat's workers, so waits are bounded: a position beyond the event store's head
 * is refused at once, and only so many requests wait at once, per instance and per caller; the others answer at once.
 */
class AwaitPositionInterceptorTest {

    private static final long HEAD = 1_000;

    /** Views that never reach anything: every wait lasts until released. */
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger waiting = new AtomicInteger();
    private final ViewPositions neverThere = new ViewPositions(null, null, null, null) {
        @Override
        public boolean await(long position, Duration timeout, Collection<String> groups) throws InterruptedException {
            waiting.incrementAndGet();
            try {
                release.await(30, TimeUnit.SECONDS);
                return false;
            } finally {
                waiting.decrementAndGet();
            }
        }

        @Override
        public boolean hasReached(String group, long position) {
            return false;
        }
    };
    private final AwaitPositionInterceptor interceptor = new AwaitPositionInterceptor(
            neverThere, () -> HEAD, new QueryProperties(Duration.ofSeconds(5), 4, 2, null, Duration.ofSeconds(2)));
    private final ExecutorService requests = Executors.newCachedThreadPool();

    @ReadYourWrites("visit-timeline")
    void read() {
    }

    @AfterEach
    void releaseEveryone() {
        release.countDown();
        requests.shutdownNow();
    }

    @Test
    void aPositionBeyondTheHeadIsRefusedAtOnceNamingWhereItCameFrom() {
        assertThatThrownBy(() -> interceptor.preHandle(request("1001", null, "10.0.0.1"), new MockHttpServletResponse(),
                                                       handler()))
                .isInstanceOfSatisfying(InvalidInput.class, refused -> {
                    assertThat(refused.errors().get(0).field()).isEqualTo("X-Await-Position");
                    assertThat(refused.errors().get(0).message()).contains("beyond the last position", "1000");
                });
        assertThat(waiting).hasValue(0);
    }

    @Test
    void aPositionIsADecimalWholeNumber() {
        for (String notOne : List.of("0x10", " 5", "+5", "-1", "5.0", "99999999999999999999")) {
            assertThatThrownBy(() -> interceptor.preHandle(request(notOne, null, "10.0.0.1"),
                                                           new MockHttpServletResponse(), handler()))
                    .as(notOne).isInstanceOf(InvalidInput.class);
        }
    }

    @Test
    void oneCallerWaitsAtMostTwiceAtOnceTheNextAnswersAtOnceSayingTheViewIsBehind() throws Exception {
        List<Future<MockHttpServletResponse>> waits = List.of(waitAsync("10.0.0.1", null), waitAsync("10.0.0.1", null),
                                                              waitAsync("10.0.0.1", "supervisor")); // another caller
        awaitWaiting(3);

        MockHttpServletResponse third = read(request("5", null, "10.0.0.1"));

        assertThat(third.getHeader(AwaitPositionInterceptor.BEHIND_HEADER)).isEqualTo("true");
        assertThat(waiting).as("the third did not wait").hasValue(3);
        release.countDown();
        for (Future<MockHttpServletResponse> waited : waits) {
            assertThat(waited.get(10, TimeUnit.SECONDS).getHeader(AwaitPositionInterceptor.BEHIND_HEADER))
                    .isEqualTo("true");
        }
    }

    @Test
    void theInstanceWaitsAtMostFourAtOnceWhoeverAsks() throws Exception {
        List<Future<MockHttpServletResponse>> waits = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            waits.add(waitAsync("10.0.0." + i, null));
        }
        awaitWaiting(4);

        MockHttpServletResponse fifth = read(request("5", null, "10.0.0.9"));

        assertThat(fifth.getHeader(AwaitPositionInterceptor.BEHIND_HEADER)).isEqualTo("true");
        assertThat(waiting).hasValue(4);
        release.countDown();
        for (Future<MockHttpServletResponse> waited : waits) {
            waited.get(10, TimeUnit.SECONDS);
        }
        assertThat(waiting).hasValue(0);
    }

    @Test
    void aPlaceIsGivenBackWhenTheWaitEnds() throws Exception {
        AtomicInteger waited = new AtomicInteger();
        ViewPositions reachedAtOnce = new ViewPositions(null, null, null, null) {
            @Override
            public boolean await(long position, Duration timeout, Collection<String> groups) {
                waited.incrementAndGet();
                return true;
            }

            @Override
            public boolean hasReached(String group, long position) {
                return false;
            }
        };
        AwaitPositionInterceptor onePlace = new AwaitPositionInterceptor(
                reachedAtOnce, () -> HEAD, new QueryProperties(Duration.ofSeconds(5), 1, 1, null,
                                                                Duration.ofSeconds(2)));

        for (int i = 0; i < 3; i++) {
            MockHttpServletResponse response = new MockHttpServletResponse();
            onePlace.preHandle(request("5", null, "10.0.0.1"), response, handler());
            assertThat(response.getHeader(AwaitPositionInterceptor.BEHIND_HEADER)).as("read %d waited", i)
                                                                                  .isEqualTo("false");
        }
        assertThat(waited).hasValue(3);
    }

    private Future<MockHttpServletResponse> waitAsync(String address, String user) {
        return requests.submit(() -> read(request("5", user, address)));
    }

    private MockHttpServletResponse read(MockHttpServletRequest request) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        assertThat(interceptor.preHandle(request, response, handler())).isTrue();
        return response;
    }

    private void awaitWaiting(int count) throws InterruptedException {
        for (int i = 0; i < 1_000 && waiting.get() < count; i++) {
            Thread.sleep(10);
        }
        assertThat(waiting).hasValue(count);
    }

    private static MockHttpServletRequest request(String position, String user, String address) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/visits/x/timeline");
        request.addHeader(AwaitPositionInterceptor.HEADER, position);
        request.setRemoteAddr(address);
        if (user != null) {
            request.setUserPrincipal((Principal) () -> user);
        }
        return request;
    }

    private HandlerMethod handler() throws NoSuchMethodException {
        return new HandlerMethod(this, AwaitPositionInterceptorTest.class.getDeclaredMethod("read"));
    }
}
