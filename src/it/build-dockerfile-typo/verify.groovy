def docker = evaluate(new File(itLib, 'docker.groovy'))
def repo = "fastapi-it-${runId}/build-dockerfile-typo"
try {
    def log = new File(basedir, 'build.log').text
    docker.assertCleanFailure(log)
    assert log.contains('RUNN') : "the engine's own words about the typo must be shown"
    assert !log.contains('Error during callback') : "no docker-java callback error"
    assert !log.contains('--- last build output ---')
    // Docker refuses the Dockerfile before any step (HTTP 400); Podman streams the steps up to the typo first.
    def streamed = log =~ /(?m)^\[INFO\] STEP 1\//
    assert streamed || !log.contains('the build output is above') : 'no pointer to build output there is none of'
    def failures = log.readLines().findAll { it.startsWith('[ERROR] Failed to execute goal') }
    assert failures.size() == 1 : "one failure message, found ${failures.size()}"
    assert !failures[0].contains('&imagebuilder.Step{') : "no Go struct dump of Podman's in the message"
    // Docker's parse error names a line only: the message names the file and the setting.
    if (!streamed) {
        def file = new File(basedir, 'Dockerfile').canonicalPath
        assert failures[0].contains("(the engine refused ${file}, <dockerfile>") : "the refused file is named: ${failures[0]}"
    }
    def (exit, out, err) = docker.run(['image', 'inspect', "${repo}:1.0"])
    assert exit != 0 : 'nothing may be tagged'
} finally {
    docker.removeImages(repo)
}
true
