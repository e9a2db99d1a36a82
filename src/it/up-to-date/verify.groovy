def docker = evaluate(new File(itLib, 'docker.groovy'))
def repo = "fastapi-it-${runId}/up-to-date"
try {
    def runs = new File(basedir, 'build.log').text.split(/fastapi-docker:[^:]+:build \(default\)/).drop(1)
    assert runs.size() == 4 : "expected four builds in build.log, found ${runs.size()}"
    def id = (runs[0] =~ /Built image (sha256:[0-9a-f]+)/)[0][1]
    def engine = docker.record(basedir).getProperty('engine.name')
    assert engine : 'image.properties names the engine that built the image'
    assert runs[0] =~ /(?m)^\[INFO\]   engine \Q${engine}\E \S+, API [0-9.]+ at \S+$/ : 'the summary says which engine built it'
    assert runs[0] =~ /(?m)^\[INFO\]   size .*, [0-6] of 7 steps from cache, / : 'the steps are counted on every engine'

    assert docker.logShowsStep(runs[0], 1) && runs[0].contains("Smoke test of ${repo}:1.0 passed") : 'the first run builds and tests'
    assert !runs[0].contains('is up to date') && !runs[0].contains('skipped')

    assert runs[1].contains("Image ${id} is up to date") : 'nothing changed: no build'
    assert !docker.logShowsStep(runs[1], 1) : 'nothing may be sent to the builder'
    assert runs[1].contains('up to date (nothing built)') && !runs[1].contains('Built image') && !runs[1].contains('0 of 0 steps') : 'an unchanged build says it is up to date, not that it built'
    assert runs[1].contains("Smoke test of ${repo}:1.0 skipped: image ${id} already passed it") : 'the earlier pass stands'
    assert !runs[1].contains('Smoke-testing') : 'no container may be started'
    // Nor may an unchanged build pay for what only a build needs: the JVM's own log of the classes
    // loaded from the plugin's first class on has no record-method bootstrap (a record's generated
    // toString, ~40 ms) and no SecureRandom seeding (Files.createTempFile's names, ~15 ms).
    def loads = new File(basedir, 'target/class-load-unchanged.txt').readLines()
            .collect { (it =~ /\] (\S+) source: /).with { m -> m.find() ? m.group(1) : null } }
            .findAll { it != null }
    def first = loads.findIndexOf { it.startsWith('io.github.fastapidocker.') }
    assert first >= 0 : 'the class-load log of the unchanged run names the plugin classes'
    def late = loads.drop(first) as Set
    assert !late.contains('java.lang.runtime.ObjectMethods') : 'the unchanged run linked a record method'
    // A TLS engine's handshake needs a SecureRandom; a unix socket's connection does not.
    def address = (runs[1] =~ /(?m)^\[INFO\]   engine .* at (\S+)$/)[0][1]
    if (address.startsWith('unix:')) {
        ['sun.security.provider.SecureRandom', 'sun.security.provider.NativePRNG'].each {
            assert !late.contains(it) : "the unchanged run on ${address} loaded ${it}"
        }
        // A local socket speaks httpcore5's HTTP/1.1 directly: httpclient5's client (routes, pool,
        // cookies, auth; ~230 classes) is for TCP and TLS engines only.
        def client5 = late.findAll { it.startsWith('org.apache.hc.client5.') }
        assert client5.isEmpty() : "the unchanged run on ${address} loaded httpclient5: ${client5.take(5)}"
        assert late.contains('org.apache.hc.core5.http.impl.io.DefaultBHttpClientConnection') : 'it spoke HTTP through httpcore5'
    }

    // 3, unchanged again, with -X: the smoke goal takes the image the build goal has just found,
    // without a second connection to the engine.
    assert runs[2].contains("Image ${id} is up to date") && runs[2].contains("Smoke test of ${repo}:1.0 skipped: image ${id} already passed it")
    assert runs[2].contains("Smoke test: image ${id} as this run's build goal found it on ") : 'the smoke goal says it trusted the build goal'
    assert (runs[2] =~ /timing: engine client \+ ping/).size() == 1 : "one connection to the engine, the build goal's"

    assert docker.logShowsStep(runs[3], 1) && !runs[3].contains('Using cache') : 'noCache builds every step'
    assert runs[3].contains('0 of 7 steps from cache') : 'and says so'
    assert runs[3].contains("Smoke test of ${repo}:1.0 passed") : 'force tests again'
    assert !runs[3].contains("as this run's build goal found it") : 'forced: the smoke test runs'
    def rebuilt = docker.ok(['image', 'inspect', '--format', '{{.Id}}', "${repo}:1.0"])
    assert rebuilt != id : 'a build without cache makes new layers, so a new image'
    assert new File(basedir, 'target/fastapi-docker/smoke.fingerprint').text.startsWith(rebuilt) : 'the pass recorded is the new image'
    assert docker.containersWithLabel('io.github.fastapidocker.project=io.github.fastapidocker.it:up-to-date').isEmpty()
} finally {
    docker.removeImages(repo)
}
true
