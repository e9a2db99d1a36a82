def docker = evaluate(new File(itLib, 'docker.groovy'))
def repo = "fastapi-it-${runId}/smoke-workers-proxy"
def left = docker.smokeContainers(basedir)
try {
    assert left.isEmpty() : "smoke containers left behind: ${left}"
    def log = new File(basedir, 'build.log').text
    assert log.contains("Smoke test of ${repo}:1.0 passed")
    def report = docker.smokeReport(basedir)
    assert report.passed == true
    // The image's own flags stay; only the port and host are moved.
    assert report.command == ['fastapi', 'run', 'app/main.py', '--port', "${report.port}".toString(), '--proxy-headers',
                              '--forwarded-allow-ips', '*', '--workers', '2', '--host', '127.0.0.1'] : report.command
    assert report.probes*.path == ['/items/7?q=proxied', '/docs']
    assert report.probes.every { it.passed && it.status == 200 }
    // Two worker processes really ran.
    assert report.containerLog.count('Started server process') >= 2 || report.containerLog.contains('Started parent process') :
            report.containerLog
    assert report.stop.exitCode == 0 && report.stop.graceful : "stop: ${report.stop}"
    println "smoke-workers-proxy: ready ${report.ready.millis} ms, stop ${report.stop.millis} ms, total ${report.totalMillis} ms"
} finally {
    docker.removeContainers(left)
    docker.removeImages(repo)
}
true
