def docker = evaluate(new File(itLib, 'docker.groovy'))
def repo = "fastapi-it-${runId}/prod-healthcheck"
def left = docker.smokeContainers(basedir)
try {
    assert left.isEmpty() : "smoke containers left behind: ${left}"
    def log = new File(basedir, 'build.log').text
    def runs = log.split(/Building fastapi-it-/).drop(1)
    assert runs.size() == 2 : "expected two builds in build.log, found ${runs.size()}"

    // The image carries the check as written, with its own interval; only the smoke container checks often.
    def check = new groovy.json.JsonSlurper().parseText(
            docker.ok(['image', 'inspect', '--format', '{{json .Config.Healthcheck}}', "${repo}:200"]))
    assert check.Test[0..1] == ['CMD', 'python3'] : check
    assert check.Test[-3..-1] == ['/health', '80', '5'] : check
    assert check.Interval == 30_000_000_000L && check.StartPeriod == 1_000_000_000L && check.Retries == 2 : check

    // Healthy: on the host network the server listens on a free port, not 80, and the check found it
    // on process 1's command line (falling back to 80 it could never have passed).
    def healthy = runs[0]
    assert healthy.contains("Smoke test of ${repo}:200 passed")
    assert healthy =~ /(?m)^\[INFO\]   healthy after \d+\.\d s \(\d checks? of the image's HEALTHCHECK, every 0\.5 s for the smoke test\)$/

    // Unhealthy: the probes pass (/docs answers), the health path answers 500, and the failure shows
    // the engine's health log and the container's own log.
    def unhealthy = runs[1]
    docker.assertCleanFailure(unhealthy)
    assert unhealthy =~ /The health check reported the container unhealthy after \d+\.\d s \(\d+ failed checks in a row\): the last check exited 1: GET \/health on port \d+: HTTP Error 500: Internal Server Error/
    assert unhealthy.contains('"GET /health HTTP/1.1" 500') : 'the container log shows the failing requests'
    def report = docker.smokeReport(basedir)
    assert report.passed == false
    assert report.health == null
    assert report.failure.contains('HTTP Error 500')
    println "prod-healthcheck: ${(healthy =~ /healthy after (\d+\.\d) s/)[0][1]} s to healthy"
} finally {
    docker.removeContainers(left)
    docker.removeImages(repo)
}
true
