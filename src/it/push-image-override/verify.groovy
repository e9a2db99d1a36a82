def docker = evaluate(new File(itLib, 'docker.groovy'))
def reg = evaluate(new File(itLib, 'registry.groovy'))
def name = "fastapi-it-${runId}/push-image-override"
def repo = "${registry}/${name}"
try {
    def log = new File(basedir, 'build.log').text
    // Each override is said once per goal that reads it, never silently.
    assert log.contains("fastapi.image=${repo} from the command line overrides <image>") : 'the image override must be logged'
    assert log.contains("fastapi.tags=1.0,cli from the command line overrides <tags>") : 'the tags override must be logged'
    assert log.contains("fastapi.push.retries=0 from the command line overrides <pushRetries>")
    assert !log.contains('pom-image') : "the POM's image must not be used anywhere"
    assert log.contains("fastapi.registry.password=**** from the command line overrides <registryPassword>") || !log.contains('overrides <registryPassword>')
    assert !log.contains(registryPassword) : 'the password must not appear in build.log'
    assert log.contains("credentials: <registryUsername> (fastapi.registry.username) and <registryPassword> (fastapi.registry.password), user '${registryUser}'")

    // The registry the command line named holds exactly the command line's tags.
    assert reg.tags(registry, registryUser, registryPassword, name) == ['1.0', 'cli']
    def report = reg.pushReport(basedir)
    assert report.image == repo
    ['1.0', 'cli'].each { tag ->
        assert reg.manifest(registry, registryUser, registryPassword, name, tag).digest == report.tags[tag]
    }
    // The engine has the command line's tags and not the POM's.
    def record = docker.record(basedir)
    assert record.image == repo && record.tags == '1.0,cli' : "build record ${record}"
    def (exit, out, err) = docker.run(['image', 'inspect', "127.0.0.1:1/fastapi-it-${runId}/pom-image:pom"])
    assert exit != 0 : "the POM's image:tag must not have been built"
} finally {
    docker.removeImages(repo)
}
true
