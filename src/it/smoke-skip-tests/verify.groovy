def docker = evaluate(new File(itLib, 'docker.groovy'))
def repo = "fastapi-it-${runId}/smoke-skip-tests"
def left = docker.smokeContainers(basedir)
try {
    assert left.isEmpty() : "smoke containers left behind: ${left}"
    def log = new File(basedir, 'build.log').text
    assert log.contains('Built image') : 'the build still runs'
    assert log.contains('[INFO] Skipping smoke (skipTests)')
    assert !log.contains('Smoke-testing')
    assert !new File(basedir, 'target/fastapi-docker/smoke.json').exists()
} finally {
    docker.removeContainers(left)
    docker.removeImages(repo)
}
true
