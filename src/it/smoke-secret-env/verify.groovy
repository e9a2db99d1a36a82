def docker = evaluate(new File(itLib, 'docker.groovy'))
def repo = "fastapi-it-${runId}/smoke-secret-env"
def left = docker.smokeContainers(basedir)
try {
    assert left.isEmpty() : "smoke containers left behind: ${left}"
    def log = new File(basedir, 'build.log').text
    assert log.contains('[DEBUG]') : 'the build ran with -X'
    assert log.contains("Smoke test of ${repo}:1.0 passed")
    // The container got the value: the app answered its SHA-256, which the probe checked.
    def report = docker.smokeReport(basedir)
    assert report.passed == true
    assert report.probes*.path == ['/token'] && report.probes.every { it.passed }
    // Nowhere in the log: not in our lines, not in the command, not in Maven's parameter dump.
    def secret = 'tok-5b8e1c0f9a7d4e21'
    def leaks = log.readLines().findAll { it.contains(secret) }
    assert leaks.isEmpty() : "the secret is in build.log:\n${leaks.join('\n')}"
    assert !new File(basedir, 'target/fastapi-docker/smoke.json').text.contains(secret)
    // <smokeEnv> is masked where Maven prints the parameter.
    assert log.contains('(f) smokeEnv = {GREETING=****}') : 'the smokeEnv parameter line masks its values'
} finally {
    docker.removeContainers(left)
    docker.removeImages(repo)
}
true
