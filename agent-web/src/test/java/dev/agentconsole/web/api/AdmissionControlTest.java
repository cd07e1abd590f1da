package dev.agentconsole.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Admission under overload, with fake servlet objects: the request that cannot start is refused fast with 503. */
class AdmissionControlTest {

    static final class FakeResponse {
        int status = 200;
        final Map<String, String> headers = new HashMap<>();
        final ByteArrayOutputStream body = new ByteArrayOutputStream();

        HttpServletResponse response() {
            ServletOutputStream out = new ServletOutputStream() {
                @Override
                public void write(int b) {
                    body.write(b);
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                }
            };
            return (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> switch (method.getName()) {
                        case "setStatus" -> {
                            status = (Integer) args[0];
                            yield null;
                        }
                        case "setHeader" -> {
                            headers.put((String) args[0], (String) args[1]);
                            yield null;
                        }
                        case "getOutputStream" -> out;
                        default -> null;
                    });
        }
    }

    static AdmissionControl filter(int permits, java.time.Duration maxWait) {
        return filter(permits, 8, maxWait);
    }

    static AdmissionControl filter(int permits, int queued, java.time.Duration maxWait) {
        AdmissionControl filter = new AdmissionControl();
        filter.maxConcurrent = permits;
        filter.maxQueued = queued;
        filter.maxWait = maxWait;
        filter.init(null);
        return filter;
    }

    @Test
    void aRequestThatCannotStartWithinTheWaitIsRefusedWith503AndRetryAfter() throws Exception {
        AdmissionControl filter = filter(1, java.time.Duration.ofMillis(50));
        ServletRequest request = (ServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ServletRequest.class}, (proxy, method, args) -> null);
        CountDownLatch working = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        FilterChain slow = (req, res) -> {
            working.countDown();
            try {
                finish.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> {
            try {
                filter.doFilter(request, new FakeResponse().response(), slow);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertTrue(working.await(10, TimeUnit.SECONDS));

        FakeResponse refused = new FakeResponse();
        boolean[] ran = new boolean[1];
        long start = System.nanoTime();
        filter.doFilter(request, refused.response(), (req, res) -> ran[0] = true);
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertEquals(503, refused.status);
        assertEquals("1", refused.headers.get("Retry-After"));
        assertTrue(refused.body.toString(StandardCharsets.UTF_8).contains("\"error\":\"overloaded\""));
        assertTrue(!ran[0], "the refused request did nothing");
        assertTrue(tookMillis < 1000, "refused within a second: " + tookMillis + " ms");

        finish.countDown();
        first.get(10, TimeUnit.SECONDS);
        FakeResponse admitted = new FakeResponse();
        filter.doFilter(request, admitted.response(), (req, res) -> ran[0] = true);
        assertTrue(ran[0], "the permit came back");
        assertEquals(200, admitted.status);
    }

    @Test
    void whenTheWaitingLineIsFullARequestIsRefusedWithoutWaiting() throws Exception {
        AdmissionControl filter = filter(1, 0, java.time.Duration.ofSeconds(10));
        ServletRequest request = (ServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ServletRequest.class}, (proxy, method, args) -> null);
        CountDownLatch working = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> {
            try {
                filter.doFilter(request, new FakeResponse().response(), (req, res) -> {
                    working.countDown();
                    try {
                        finish.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertTrue(working.await(10, TimeUnit.SECONDS));

        FakeResponse refused = new FakeResponse();
        long start = System.nanoTime();
        filter.doFilter(request, refused.response(), (req, res) -> { });
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertEquals(503, refused.status);
        assertTrue(tookMillis < 1000, "no wait of 10 s when nobody may wait: " + tookMillis + " ms");
        finish.countDown();
        first.get(10, TimeUnit.SECONDS);
    }
}
