package io.github.fastapidocker.smoke;

import io.github.fastapidocker.kernel.Hints;
import io.github.fastapidocker.kernel.Setting;
import io.github.fastapidocker.smoke.SmokeReport.ProbeResult;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** GETs each probe of the ready server, and says which did not pass and why. */
final class ProbeRunner {
    /** One probe's whole answer may take this long. */
    static final Duration PROBE_TIMEOUT = Duration.ofSeconds(10);
    /** Characters of a body shown in a failure and kept in the report. */
    static final int BODY_SHOWN = 500;

    private final HttpProber http;
    private final Hints hints;

    ProbeRunner(HttpProber http, Hints hints) {
        this.http = http;
        this.hints = hints;
    }

    /** Every probe, in order, against the server on {@code port} of {@code host}. */
    List<ProbeResult> probeAll(ProbeHost host, int port, List<Probe> probes) {
        List<ProbeResult> results = new ArrayList<>();
        for (Probe probe : probes) {
            results.add(probe(host.uri(port, probe.path()), probe));
        }
        return results;
    }

    private ProbeResult probe(URI uri, Probe probe) {
        long t = System.nanoTime();
        try {
            HttpProber.Answer answer = http.get(uri, PROBE_TIMEOUT);
            long latency = Readiness.millisSince(t);
            return new ProbeResult(
                    probe.path(),
                    uri.toString(),
                    probe.expectation(),
                    answer.status(),
                    latency,
                    probe.mismatch(answer.status(), answer.body(), answer.cutAt())
                            .orElse(null),
                    shorten(answer.body()));
        } catch (IOException e) {
            return new ProbeResult(
                    probe.path(),
                    uri.toString(),
                    probe.expectation(),
                    null,
                    Readiness.millisSince(t),
                    "no answer: " + Readiness.describe(e),
                    null);
        }
    }

    /** Why the probes did not pass: each failed one with what it expected and what it got. */
    String failure(SmokeTarget target, List<ProbeResult> results) {
        long failed = results.stream().filter(p -> !p.passed()).count();
        StringBuilder out = new StringBuilder(String.format(
                Locale.ROOT,
                "Smoke test of %s failed: %d of %d probes did not pass (configure them in %s).",
                target.name(),
                failed,
                results.size(),
                hints.name(Setting.PROBES)));
        for (ProbeResult p : results) {
            if (p.passed()) {
                continue;
            }
            out.append("\n  GET ").append(p.path()).append(": ").append(p.problem());
            out.append("\n    expected: ").append(p.expected());
            out.append("\n    actual:   ");
            if (p.status() == null) {
                out.append("no answer");
            } else {
                out.append("status ")
                        .append(p.status())
                        .append(", body ")
                        .append(p.body() == null || p.body().isEmpty() ? "(empty)" : oneLine(p.body()));
            }
        }
        return out.toString();
    }

    /** The URI of {@code path} on {@code port} of 127.0.0.1. */
    static URI uri(int port, String path) {
        return ProbeHost.choose(null, null).uri(port, path);
    }

    static String shorten(String body) {
        if (body == null) {
            return null;
        }
        return body.length() <= BODY_SHOWN ? body : body.substring(0, BODY_SHOWN) + "... (" + body.length() + " chars)";
    }

    private static String oneLine(String text) {
        return text.replace("\r", "").replace("\n", "\\n");
    }
}
