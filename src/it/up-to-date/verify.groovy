def docker = evaluate(new File(itLib, 'docker.groovy'))
def repo = "fastapi-it-${runId}/up-to-date"
try {
    def runs = new File(basedir, 'build.log').text.split(/fastapi-docker:[^:]+:build \(default\)/).drop(1)
    assert runs.size() == 3 : "expected three builds in build.log, found ${runs.size()}"
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

    assert docker.logShowsStep(runs[2], 1) && !runs[2].contains('Using cache') : 'noCache builds every step'
    assert runs[2].contains('0 of 7 steps from cache') : 'and says so'
    assert runs[2].contains("Smoke test of ${repo}:1.0 passed") : 'force tests again'
    def rebuilt = docker.ok(['image', 'inspect', '--format', '{{.Id}}', "${repo}:1.0"])
    assert rebuilt != id : 'a build without cache makes new layers, so a new image'
    assert new File(basedir, 'target/fastapi-docker/smoke.fingerprint').text.startsWith(rebuilt) : 'the pass recorded is the new image'
    assert docker.containersWithLabel('io.github.fastapidocker.project=io.github.fastapidocker.it:up-to-date').isEmpty()
} finally {
    docker.removeImages(repo)
}
true
