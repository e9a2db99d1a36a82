def docker = evaluate(new File(itLib, 'docker.groovy'))
def repo = "fastapi-it-${runId}/smoke-seed"
def left = docker.smokeContainers(basedir)
try {
    assert left.isEmpty() : "smoke containers left behind: ${left}"
    def log = new File(basedir, 'build.log').text
    def record = docker.record(basedir)

    // Both executions passed: the guide's probes, then the defaults.
    assert log.count("Smoke test of ${repo}:1.0 passed") == 2 : 'both smoke executions must pass'
    assert log =~ /(?m)^\[INFO\]   GET \/items\/5\?q=somequery  200 +\d+ ms  ok$/
    assert log =~ /(?m)^\[INFO\]   GET \/docs +200 +\d+ ms  ok$/
    assert log =~ /(?m)^\[INFO\]   GET \/openapi\.json  200 +\d+ ms  ok$/
    assert log =~ /(?m)^\[INFO\]   stopped in \d+\.\d s, exit 0 \(graceful\)$/
    assert log =~ /(?m)^\[INFO\]   ready after \d+\.\d s \(\d+ tries\)$/

    // The report of the last execution: what ran, how it answered, how it stopped.
    def report = docker.smokeReport(basedir)
    assert report.passed == true
    assert report.image == "${repo}:1.0".toString()
    assert report.imageId == record.imageId : "smoke ran ${report.imageId}, build recorded ${record.imageId}"
    assert report.network == 'host'
    // Where the engine is: 127.0.0.1 on a local socket, the host of a tcp:// engine's address
    // (the engine matrix runs this IT against Docker over TLS on tcp://127.0.0.3:2376).
    def engineAddress = System.getenv('DOCKER_HOST') ?: ''
    def expectedHost = engineAddress.startsWith('tcp://') ? new URI(engineAddress).host : '127.0.0.1'
    assert report.host == expectedHost : "probes must go to the engine's host ${expectedHost}, went to ${report.host}"
    assert report.url == "http://${expectedHost}:${report.port}".toString()
    // The recorded exec-form command, moved to a free port on that loopback address.
    assert report.command == ['fastapi', 'run', 'app/main.py', '--port', "${report.port}".toString(), '--host', expectedHost]
    assert report.port != 80
    assert report.probes*.path == ['/docs', '/openapi.json']
    assert report.probes.every { it.passed && it.status == 200 }
    assert report.ready.millis < 30000
    // Exec form: SIGTERM reaches uvicorn, lifespan shutdown runs, exit 0 well within the grace period.
    assert report.stop.exitCode == 0 && report.stop.graceful && !report.stop.killed
    assert report.stop.millis < 5000 : "exec-form stop took ${report.stop.millis} ms"
    assert report.containerLog.contains('Application shutdown complete') : report.containerLog
    println "smoke-seed: ready ${report.ready.millis} ms, stop ${report.stop.millis} ms, total ${report.totalMillis} ms"
} finally {
    docker.removeContainers(left)
    docker.removeImages(repo)
}
true
