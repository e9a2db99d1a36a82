def docker = evaluate(new File(itLib, 'docker.groovy'))
def reg = evaluate(new File(itLib, 'registry.groovy'))
def name = "fastapi-it-${runId}/push-app-only-change"
def repo = "${registry}/${name}"
try {
    def log = new File(basedir, 'build.log').text
    def config = new File(basedir, 'docker-config/config.json').canonicalPath
    assert log.contains("credentials: auths['${registry}'] in ${config}, user '${registryUser}'")

    // The registry's manifests: the same layers but the last (the code).
    def m1 = reg.manifest(registry, registryUser, registryPassword, name, 'v1')
    def m2 = reg.manifest(registry, registryUser, registryPassword, name, 'v2')
    assert m1.layers.size() == m2.layers.size() && m1.layers.size() >= 3
    assert m1.layers[0..-2] == m2.layers[0..-2] : "all layers but the last must be shared: ${m1.layers} vs ${m2.layers}"
    assert m1.layers[-1] != m2.layers[-1] : 'the code layer must differ'
    assert reg.tags(registry, registryUser, registryPassword, name) == ['v1', 'v2']

    // The digest each push logged is the one the registry serves (Podman and Docker 29's containerd
    // store send it only in the status line, Docker's classic store as aux).
    def report = reg.pushReport(basedir)
    assert report.tags == [v2: m2.digest]
    def digests = (log =~ /(?m)^\[INFO\]   \Q${repo}\E:(v[12]): digest (sha256:[0-9a-f]{64}), /).collect { [it[1], it[2]] }
    assert digests == [['v1', m1.digest], ['v2', m2.digest]] : "the logged digests must be the registry's: ${digests}"
    assert report.engine?.name : 'push.json names the engine that pushed'

    def line = ~/(?m)^\[INFO\]   \Q${repo}\E:(v[12]): digest (sha256:[0-9a-f]{64}), (\d+) layers? uploaded, (\d+) already in the registry \(([0-9.]+) s\)$/
    def pushes = log.readLines().collect { it =~ line }.findAll { it.matches() }.collect { it[0] }
    if (report.engine.name == 'Podman Engine') {
        // Podman sends no per-layer events: the counts are said to be missing, not made up as 0 and 0.
        assert pushes.isEmpty() : "Podman reports no layers, yet the log counts them: ${pushes}"
        assert log.contains("${repo}:v2: digest ${m2.digest}, layer counts not reported by the engine (Podman Engine ")
        assert report.layers.v2.reported == false && report.layers.v2.pushed == null && report.layers.v2.existing == null
        new File(basedir, 'measurements.txt').text = "Podman: layer counts not reported; digests ${digests}\n"
        return true
    }
    // The second push uploaded exactly that one layer and found the others (log and push.json agree).
    assert pushes*.getAt(1) == ['v1', 'v2'] : "expected one push per run, found ${pushes}"
    def second = pushes[1]
    assert second[2] == m2.digest
    assert second[3] as int == 1 : "the second push must upload one layer, uploaded ${second[3]}"
    assert second[4] as int == m2.layers.size() - 1
    assert report.layers.v2.reported == true
    assert report.layers.v2.pushed == 1 && report.layers.v2.existing == m2.layers.size() - 1

    // What it measured, for the record: compressed bytes the registry stores per layer.
    def total = m2.layers.sum { it[1] }
    new File(basedir, 'measurements.txt').text = """first push: ${pushes[0][3]} uploaded, ${pushes[0][4]} existing, ${pushes[0][5]} s
second push: ${second[3]} uploaded, ${second[4]} existing, ${second[5]} s
image: ${m2.layers.size()} layers, ${total} bytes compressed; changed layer ${m2.layers[-1][1]} bytes
"""
    assert !log.contains(registryPassword)
} finally {
    docker.removeImages(repo)
}
true
