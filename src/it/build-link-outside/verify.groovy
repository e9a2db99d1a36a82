def docker = evaluate(new File(itLib, 'docker.groovy'))
def repo = "fastapi-it-${runId}/build-link-outside"
try {
    def log = new File(basedir, 'build.log').text
    docker.assertCleanFailure(log)
    def link = new File(basedir, 'app/passwd').absolutePath
    assert log.contains("The symbolic link ${link} points to /etc/passwd, outside the Python directory") : 'the link and its target must be named'
    def (exit, out, err) = docker.run(['image', 'inspect', "${repo}:1.0"])
    assert exit != 0 : 'nothing may be built'
    assert !new File(basedir, 'target/fastapi-docker/context.tar').exists() : 'no context may be written'
} finally {
    docker.removeImages(repo)
}
true
