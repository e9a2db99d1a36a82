package io.github.fastapidocker.docker.dockerjava;

import java.io.Closeable;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The deadlines of the engine calls. Each call is {@linkplain #watch watched}: every byte that
 * moves (the request body going out, the answer coming in) {@linkplain Watch#touch touches} it,
 * and when nothing moved for the call's limit the watch aborts the call, closing its answer or,
 * before there is one, the connection it waits on. A blocked read then fails at once, on a unix
 * socket as on TCP (a socket timeout would not reach a unix socket, and is one value per client).
 *
 * <p>One daemon thread, started at the first call and ended by {@link #close()}: nothing outlives
 * the engine.
 */
final class Watchdog implements Closeable {
    static final String THREAD_NAME = "fastapi-docker-engine-deadlines";

    private ScheduledThreadPoolExecutor timer;
    private boolean closed;

    /**
     * Starts watching a call.
     *
     * @param limit the most silence allowed
     * @param abort what ends the call while it has no answer yet
     */
    Watch watch(Duration limit, Runnable abort) {
        Watch watch = new Watch(limit, abort);
        watch.schedule(limit.toNanos());
        return watch;
    }

    private synchronized ScheduledFuture<?> schedule(Runnable task, long nanos) {
        if (closed) {
            return null;
        }
        if (timer == null) {
            timer = new ScheduledThreadPoolExecutor(1, runnable -> {
                Thread thread = new Thread(runnable, THREAD_NAME);
                thread.setDaemon(true);
                return thread;
            });
            timer.setRemoveOnCancelPolicy(true);
        }
        try {
            return timer.schedule(task, nanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            return null;
        }
    }

    /** Ends the thread; calls still running keep no deadline. */
    @Override
    public synchronized void close() {
        closed = true;
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    /** One call's deadline. */
    final class Watch implements AutoCloseable {
        private final Duration limit;
        private final long limitNanos;
        private final AtomicBoolean expired = new AtomicBoolean();
        private volatile Runnable abort;
        private volatile long last = System.nanoTime();
        private volatile boolean answered;
        private volatile boolean answeredWhenExpired;
        private volatile boolean done;
        private ScheduledFuture<?> pending;

        private Watch(Duration limit, Runnable abort) {
            this.limit = limit;
            this.limitNanos = limit.toNanos();
            this.abort = abort;
        }

        Duration limit() {
            return limit;
        }

        /** Something moved: the silence starts again. */
        void touch() {
            last = System.nanoTime();
        }

        /** The answer arrived; from now on an abort closes it. */
        void answered(Runnable closeAnswer) {
            abort = closeAnswer;
            answered = true;
            touch();
        }

        /** Whether the limit passed and the call was aborted. */
        boolean expired() {
            return expired.get();
        }

        /** Whether the engine had answered (and then went silent) when the limit passed. */
        boolean answeredWhenExpired() {
            return answeredWhenExpired;
        }

        private void check() {
            if (done) {
                return;
            }
            long idle = System.nanoTime() - last;
            if (idle < limitNanos) {
                schedule(limitNanos - idle);
                return;
            }
            answeredWhenExpired = answered;
            if (expired.compareAndSet(false, true)) {
                try {
                    abort.run();
                } catch (RuntimeException e) {
                    // The call is being abandoned: its reader reports the timeout.
                }
            }
        }

        private synchronized void schedule(long nanos) {
            if (!done) {
                pending = Watchdog.this.schedule(this::check, nanos);
            }
        }

        /** The call is over: no deadline any more. */
        @Override
        public synchronized void close() {
            done = true;
            if (pending != null) {
                pending.cancel(false);
            }
        }
    }
}
