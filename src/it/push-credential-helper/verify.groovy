def docker = evaluate(new File(itLib, 'docker.groovy'))
def reg = evaluate(new File(itLib, 'registry.groovy'))
def local = "fastapi-it-${runId}/push-credential-helper"
def repo = "${registry}/${local}"
try {
    def log = new File(basedir, 'build.log').text
    def config = new File(basedir, 'docker-config/config.json').canonicalPath
    // The helper was asked, for this registry only, and the log says it supplied the login.
    assert new File(basedir, 'helper-calls.log').readLines() == ["get ${registry}"] : 'the helper must be asked once, for the registry'
    assert log.contains("credentials: docker credential helper 'docker-credential-fastapitest' (credHelpers in ${config}), user '${registryUser}'")
    // The tag under the registry's name was made from the image the build recorded.
    def record = docker.record(basedir)
    assert log.contains("Tagged ${repo}:1.0 from the built image ${record.imageId.substring(7, 19)}")
    assert docker.ok(['image', 'inspect', '--format', '{{.Id}}', "${repo}:1.0"]) == record.imageId

    def report = reg.pushReport(basedir)
    assert reg.tags(registry, registryUser, registryPassword, local) == ['1.0']
    assert reg.manifest(registry, registryUser, registryPassword, local, '1.0').digest == report.tags['1.0']
    assert !log.contains(registryPassword) : 'the password must not appear in build.log'
} finally {
    docker.removeImages(repo)
    docker.removeImages(local)
}
true
