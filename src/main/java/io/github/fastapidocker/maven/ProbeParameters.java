package io.github.fastapidocker.maven;

import io.github.fastapidocker.smoke.Probe;

/** One {@code <probe>} of the smoke goal's {@code <probes>}, as Maven configures it. */
public class ProbeParameters {
    /** The path and query to GET, starting with {@code /}. */
    private String path;
    /** The expected status; default 200. */
    private Integer status;
    /** A substring the body must contain. */
    private String contains;
    /** The expected body, compared as JSON. */
    private String json;

    public ProbeParameters() {}

    Probe toProbe() {
        return new Probe(path == null ? null : path.trim(), status, contains, json);
    }
}
