package io.github.fastapidocker.maven;

import io.github.fastapidocker.dockerfile.Healthcheck;

/** The {@code <healthcheck>} of the goals that write a Dockerfile, as Maven configures it. */
public class HealthcheckParameters {
    /** The path to GET, starting with {@code /}; default {@code /docs}. */
    private String path;
    /** The time between checks, for example {@code 30s}; default {@code 30s}. */
    private String interval;
    /** How long one check may take; default {@code 5s}. */
    private String timeout;
    /** How long after the start failures do not count; default {@code 5s}. */
    private String startPeriod;
    /** Failed checks in a row that make the container unhealthy; default 3. */
    private Integer retries;

    public HealthcheckParameters() {}

    Healthcheck toHealthcheck() {
        return Healthcheck.of(path, interval, timeout, startPeriod, retries);
    }
}
