def docker = evaluate(new File(itLib, 'docker.groovy'))
def repo = "fastapi-it-${runId}/smoke-wrong-json"
def left = docker.smokeContainers(basedir)
try {
    assert left.isEmpty() : "smoke containers left behind: ${left}"
    def log = new File(basedir, 'build.log').text
    docker.assertCleanFailure(log)
    assert log.contains("Smoke test of ${repo}:1.0 failed: 1 of 2 probes did not pass")
    assert log.contains('GET /items/5?q=somequery: JSON body differs')
    assert log.contains('expected: status 200, JSON {"item_id":5,"q":"otherquery"}') : 'the expected body'
    assert log.contains('actual:   status 200, body {"item_id":5,"q":"somequery"}') : 'the actual body'
    assert !log.contains('GET /docs: ') : 'the passing probe is not a failure'
    assert log.contains('--- container log (last 40 lines) ---') && log.contains('"GET /items/5?q=somequery HTTP/1.1" 200')
    def report = docker.smokeReport(basedir)
    assert report.passed == false
    assert report.probes*.passed == [true, false]
} finally {
    docker.removeContainers(left)
    docker.removeImages(repo)
}
true
