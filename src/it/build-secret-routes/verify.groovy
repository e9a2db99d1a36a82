def docker = evaluate(new File(itLib, 'docker.groovy'))
def repo = "fastapi-it-${runId}/build-secret-routes"
try {
    def log = new File(basedir, 'build.log').text
    def runs = log.split(/fastapi-docker:[^:]+:build \(default\)/).drop(1)
    assert runs.size() == 3 : "expected three builds in build.log, found ${runs.size()}"
    runs.each { docker.assertCleanFailure(it) }
    def failure = { run -> run.readLines().find { it.startsWith('[ERROR] Failed to execute goal') } }
    assert failure(runs[0]).contains('The requirements file secrets/private-reqs.txt is one the .dockerignore leaves out')
    assert failure(runs[1]).contains("config.env points to ../.env (.env), an environment file, whose secrets would go into the image")
    assert failure(runs[2]).contains("requirements.txt line 1: '--index-url http://****@127.0.0.1:5557/simple/' carries a login")
    runs.each { run ->
        assert !run.contains("Building ${repo}") && !docker.logShowsStep(run, 1) : 'nothing may be sent to the engine'
    }
    ['ghp_IT_SECRET_INCLUDE', 'it-secret-linked', 'it-s3cret-in-file'].each {
        assert !log.contains(it) : "the secret ${it} must not reach the log"
    }
    ['include', 'link', 'login'].each { tag ->
        def (exit, out, err) = docker.run(['image', 'inspect', "${repo}:${tag}"])
        assert exit != 0 : "no image may be tagged ${tag}"
    }
} finally {
    docker.removeImages(repo)
}
true
