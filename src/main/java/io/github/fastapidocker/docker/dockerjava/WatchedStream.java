package io.github.fastapidocker.docker.dockerjava;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A stream whose every byte touches a call's {@link Watchdog.Watch}; once the watch expired, the
 * read that the abort ended (with an error or a premature end) fails with {@link Stalled}.
 */
final class WatchedStream extends FilterInputStream {
    private final Watchdog.Watch watch;

    /** The call's answer stopped: the watch aborted it. */
    static final class Stalled extends IOException {
        private static final long serialVersionUID = 1L;

        Stalled(Throwable cause) {
            super("no data within the call's limit", cause);
        }
    }

    WatchedStream(InputStream in, Watchdog.Watch watch) {
        super(in);
        this.watch = watch;
    }

    @Override
    public int read() throws IOException {
        int b;
        try {
            b = super.read();
        } catch (IOException | RuntimeException e) {
            throw failure(e);
        }
        return moved(b < 0 ? -1 : 1) < 0 ? -1 : b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n;
        try {
            n = super.read(buffer, offset, length);
        } catch (IOException | RuntimeException e) {
            throw failure(e);
        }
        return moved(n);
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        if (skipped > 0) {
            watch.touch();
        }
        return skipped;
    }

    private int moved(int n) throws Stalled {
        if (n > 0) {
            watch.touch();
        } else if (n < 0 && watch.expired()) {
            throw new Stalled(null);
        }
        return n;
    }

    private IOException failure(Exception e) throws IOException {
        if (watch.expired()) {
            return new Stalled(e);
        }
        if (e instanceof RuntimeException r) {
            throw r;
        }
        return (IOException) e;
    }
}
