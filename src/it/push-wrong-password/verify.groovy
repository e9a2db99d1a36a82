def docker = evaluate(new File(itLib, 'docker.groovy'))
def reg = evaluate(new File(itLib, 'registry.groovy'))
def name = "fastapi-it-${runId}/push-wrong-password"
def repo = "${registry}/${name}"
def wrongExplicit = 'wrong-Pa55-for-fastapi-it'
def wrongSettings = 'wrong-Settings-pw-fastapi-it'
def b64 = { String s -> s.bytes.encodeBase64().toString() }
try {
    def log = new File(basedir, 'build.log').text
    def runs = log.split(/\[INFO\] Scanning for projects/).drop(1)
    assert runs.size() == 2 : "expected two Maven runs in build.log, found ${runs.size()}"
    // The registry's own message: dockerd passes it on as it is, Podman after its own words
    // ("... exists in REPO: unauthorized: authentication required").
    def refused = { String source ->
        ~/\QRegistry ${registry} refused the login (unauthorized) for ${repo}:1.0: \E(?:[^\n]*: )?\Qunauthorized: authentication required. Credentials tried: ${source}\E/
    }
    // Run 1: the registry's own message, the refusal, and the source of the credentials.
    assert runs[0] =~ refused("<registryUsername> (fastapi.registry.username) and <registryPassword> (fastapi.registry.password), user '${registryUser}'") : 'run 1 must say the login was refused and name the source'
    docker.assertCleanFailure(runs[0])
    // Run 2 (-X): the settings.xml server was the source.
    assert runs[1].contains('[DEBUG]') : 'run 2 runs with -X'
    assert runs[1] =~ refused("settings.xml server '${registry}', user '${registryUser}'") : 'run 2 must name the settings.xml server'
    // Never retried.
    assert !log.contains('retrying in') : 'a refused login must not be retried'
    // The passwords appear nowhere, in any encoding, not even in the debug log.
    [wrongExplicit, wrongSettings].each { secret ->
        assert !log.contains(secret) : "the wrong password ${secret.take(6)}... appears in build.log"
        assert !log.contains(b64(secret)) && !log.contains(b64("${registryUser}:${secret}")) : 'nor base64-encoded'
    }
    assert !log.contains('X-Registry-Auth') : 'the login header must not be logged'
    assert !new File(basedir, 'target/fastapi-docker/push.json').exists() : 'no push.json for a failed push'
    assert reg.tags(registry, registryUser, registryPassword, name) == [] : 'nothing may reach the registry'
} finally {
    docker.removeImages(repo)
}
true
