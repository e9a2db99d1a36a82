def docker = evaluate(new File(itLib, 'docker.groovy'))
def repo = "fastapi-it-${runId}/smoke-import-error"
def left = docker.smokeContainers(basedir)
try {
    assert left.isEmpty() : "smoke containers left behind: ${left}"
    def log = new File(basedir, 'build.log').text
    docker.assertCleanFailure(log)
    assert log.contains('Built image') : 'the image itself builds; the app fails when it starts'
    assert log =~ /The container exited with code 1 after [0-9.]+ s, before it answered GET \/docs/
    // Python's own traceback, from the container's log.
    assert log.contains('Traceback (most recent call last)') && log.contains('import does_not_exist')
    assert log.contains("ModuleNotFoundError: No module named 'does_not_exist'")
    // At once, not after the 60 s timeout.
    def report = docker.smokeReport(basedir)
    assert report.passed == false && report.ready == null
    assert report.totalMillis < 20000 : "the failure took ${report.totalMillis} ms"
    assert report.failure.contains('ModuleNotFoundError')
    assert report.containerLog.contains('ModuleNotFoundError')
    println "smoke-import-error: failed after ${report.totalMillis} ms"
} finally {
    docker.removeContainers(left)
    docker.removeImages(repo)
}
true
