def docker = evaluate(new File(itLib, 'docker.groovy'))
def reg = evaluate(new File(itLib, 'registry.groovy'))
def name = "fastapi-it-${runId}/maven-versions"
def repo = "${registry}/${name}"
try {
    def log = new File(basedir, 'build.log').text
    // -V starts each run's output with the version of the Maven that ran it.
    def runs = log.split(/(?m)^Apache Maven /).drop(1)
    assert runs.size() == 3 : "expected three Maven runs in build.log, found ${runs.size()}"
    assert runs[0].startsWith('3.6.3 ') : "run 1 must be Maven 3.6.3: ${runs[0].take(40)}"
    assert runs[1].startsWith('4.') && runs[2].startsWith('4.') : "runs 2 and 3 must be Maven 4: ${runs[1].take(40)}"

    def ids = [:]
    [m3: runs[0], m4: runs[1]].each { variant, run ->
        def built = run =~ /Built image (sha256:[0-9a-f]{64})/
        assert built.find() : "${variant}: the build goal built an image"
        ids[variant] = built.group(1)
        assert docker.logShowsStep(run, 1) : "${variant}: the build went to the engine"
        // The probe's JSON is the variant's own app: this run's container answered it.
        assert run.contains("Smoke test of ${repo}:${variant} passed") : "${variant}: the smoke test passed"
        assert run.contains("Pushing ${repo} (${variant}) to ${registry}; credentials: settings.xml server '${registry}', user '${registryUser}'") : "${variant}: the settings.xml server's login, its password decrypted"
        def manifest = reg.manifest(registry, registryUser, registryPassword, name, variant)
        assert manifest.digest : "${variant}: the registry holds the tag"
        assert run.contains("${repo}:${variant}: digest ${manifest.digest}, ") : "${variant}: the log shows the digest the registry has"
        assert docker.ok(['image', 'inspect', '--format', '{{.Id}}', "${repo}:${variant}"]) == ids[variant]
        assert !run.contains('[ERROR]') && !run.contains('SLF4J') : "${variant}: no error and no logging warning"
    }
    assert ids.m3 != ids.m4 : 'two apps, two images'
    assert reg.tags(registry, registryUser, registryPassword, name) == ['m3', 'm4']

    // 3: Maven 4 again, nothing changed: the fingerprint and the smoke record it wrote stand.
    assert runs[2].contains("Image ${ids.m4} is up to date") : 'Maven 4: an unchanged build is up to date'
    assert !docker.logShowsStep(runs[2], 1) : 'nothing may be sent to the builder'
    assert runs[2].contains("Smoke test of ${repo}:m4 skipped: image ${ids.m4} already passed it")

    assert docker.containersWithLabel('io.github.fastapidocker.project=io.github.fastapidocker.it:maven-versions').isEmpty()
    assert !log.contains(registryPassword) : 'the password must not appear in build.log'
} finally {
    docker.removeImages(repo)
}
true
