def docker = evaluate(new File(itLib, 'docker.groovy'))
def repo = "fastapi-it-${runId}/deps-index-auth"
try {
    def log = new File(basedir, 'build.log').text
    def runs = log.split(/Building fastapi-it-/).drop(1)
    assert runs.size() == 2 : "expected two builds in build.log, found ${runs.size()}"

    // Without a login: pip asks for one, cannot read it (no terminal in a build), the build fails.
    def failed = runs[0]
    assert failed.contains("Looking in indexes: ${indexAuthUrl}")
    assert failed.contains('User for 127.0.0.1:') : "pip's prompt for the login must be shown"
    assert failed.contains('EOFError') : 'pip cannot prompt in a build: EOFError'
    assert (failed.contains('Image build failed at Step') || failed.contains('Image build failed at STEP')) && failed.contains('RUN pip install') : 'the failing step must be named'
    docker.assertCleanFailure(failed)
    assert docker.run(['image', 'inspect', "${repo}:noauth"])[0] != 0 : 'no image may be tagged after a failed build'

    // With the login in the index URL: installed from the index.
    def ok = runs[1]
    assert ok.contains('built   RUN pip install')
    assert ok.contains('/files/fastapi_docker_probe-2.0.0-py3-none-any.whl')
    assert ok.contains('Successfully installed fastapi-docker-probe-2.0.0')
    def reported = docker.ok(['run', '--rm', '--network', 'none', '--entrypoint', 'python3', "${repo}:auth",
                              '-c', 'import fastapi_docker_probe; print(fastapi_docker_probe.__version__)'])
    assert reported == '2.0.0'

    // pip shows the URL with the password masked, and nothing else of the build prints it.
    assert !log.contains(indexPassword) : 'the index password must not appear in build.log'
    assert ok.contains("Looking in indexes: http://${indexUser}:****@127.0.0.1:")
} finally {
    docker.removeImages(repo)
}
true
