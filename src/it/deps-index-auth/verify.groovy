def docker = evaluate(new File(itLib, 'docker.groovy'))
def repo = "fastapi-it-${runId}/deps-index-auth"
try {
    def log = new File(basedir, 'build.log').text
    def runs = log.split(/fastapi-docker:[^:]+:build \(default\)/).drop(1)
    assert runs.size() == 2 : "expected two builds in build.log, found ${runs.size()}"

    // Without a login: pip asks for one, cannot read it (no terminal in a build), the build fails.
    def failed = runs[0]
    assert failed.contains("Looking in indexes: ${indexAuthUrl}")
    assert failed.contains('User for 127.0.0.1:') : "pip's prompt for the login must be shown"
    assert failed.contains('EOFError') : 'pip cannot prompt in a build: EOFError'
    assert (failed.contains('Image build failed at Step') || failed.contains('Image build failed at STEP')) && failed.contains('RUN pip install') : 'the failing step must be named'
    docker.assertCleanFailure(failed)
    assert docker.run(['image', 'inspect', "${repo}:noauth"])[0] != 0 : 'no image may be tagged after a failed build'

    // With the login in the index URL of requirements.txt: refused, since the file goes into the
    // image; nothing is sent to the engine, and the message shows the URL masked.
    def refused = runs[1]
    docker.assertCleanFailure(refused)
    def masked = indexAuthUrl.replaceFirst('^http://', 'http://****@')
    assert refused.contains("requirements.txt line 2: '--index-url ${masked}' carries a login, and the file is copied into the image") : 'the line and why'
    assert refused.contains('<pipIndexUrl>') && refused.contains('<pipIndexServerId>') : 'and the way that keeps the login out'
    assert !refused.contains("Building ${repo}") && !docker.logShowsStep(refused, 1) : 'nothing may be sent to the engine'
    assert docker.run(['image', 'inspect', "${repo}:auth"])[0] != 0 : 'no image may be tagged'

    // pip shows no password either, and nothing else of the build prints it.
    assert !log.contains(indexPassword) : 'the index password must not appear in build.log'
} finally {
    docker.removeImages(repo)
}
true
