def docker = evaluate(new File(itLib, 'docker.groovy'))
def repo = "fastapi-it-${runId}/build-failing-run"
try {
    def log = new File(basedir, 'build.log').text
    // Docker: "Step 4/7 : RUN ...", "returned a non-zero code"; Podman: "STEP 4/7: RUN ...", "exit status 1".
    assert log =~ /Image build failed at (?:Step 4\/7 :|STEP 4\/7:) RUN pip install/ : 'the failing step must be named'
    assert log.contains('no-such-package-fastapi-docker-it') : "pip's own output must be shown"
    assert log.contains('returned a non-zero code') || log.contains('while running runtime: exit status 1') : "the engine's error must be shown"
    // The build output streams to the log once; the failure message does not repeat it.
    def pipLines = log.readLines().findAll { it.contains('No matching distribution found for no-such-package-fastapi-docker-it') }
    assert pipLines.size() == 1 : "pip's error must be shown once, found ${pipLines.size()} times"
    assert !log.contains('--- last build output ---')
    def (exit, out, err) = docker.run(['image', 'inspect', "${repo}:1.0"])
    assert exit != 0 : 'no image may be tagged after a failed build'
} finally {
    docker.removeImages(repo)
}
true
