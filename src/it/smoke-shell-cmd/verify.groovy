def docker = evaluate(new File(itLib, 'docker.groovy'))
def repo = "fastapi-it-${runId}/smoke-shell-cmd"
def left = docker.smokeContainers(basedir)
try {
    assert left.isEmpty() : "smoke containers left behind: ${left}"
    def log = new File(basedir, 'build.log').text
    docker.assertCleanFailure(log)
    assert log.contains("running the image's own command and probing port 18237")
    assert log.contains("[INFO] The image's own command decides its bind address") : 'says who decides the bind address'
    assert log.contains('The server did not stop within 2 s of SIGTERM and was killed (exit 137')
    assert log.contains('has CMD in shell form (CMD fastapi run app/main.py --host 127.0.0.1 --port 18237)')
    assert log.contains('/bin/sh becomes process 1 and does not pass SIGTERM on')
    assert log.contains('CMD ["fastapi", "run", "app/main.py", "--host", "127.0.0.1", "--port", "18237"]') : 'the exec form to write'
    def report = docker.smokeReport(basedir)
    assert report.passed == false
    assert report.command == [] : "the image's own command: ${report.command}"
    assert report.probes*.path == ['/docs', '/openapi.json'] && report.probes.every { it.passed }
    assert report.stop.exitCode == 137 && report.stop.killed
    assert report.stop.millis >= 2000 && report.stop.millis < 8000 : "killed after the 2 s grace period: ${report.stop.millis} ms"
    println "smoke-shell-cmd: stop ${report.stop.millis} ms, exit ${report.stop.exitCode}"
} finally {
    docker.removeContainers(left)
    docker.removeImages(repo)
}
true
