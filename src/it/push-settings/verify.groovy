def docker = evaluate(new File(itLib, 'docker.groovy'))
def reg = evaluate(new File(itLib, 'registry.groovy'))
def name = "fastapi-it-${runId}/push-settings"
def repo = "${registry}/${name}"
try {
    def log = new File(basedir, 'build.log').text
    assert log.contains("Skipping build (fastapi.build.skip)") : 'the second run must only push'
    assert log.contains("Pushing ${repo} (1.0, latest) to ${registry}; credentials: settings.xml server '${registry}', user '${registryUser}'")

    // What the registry holds is what the plugin logged and wrote.
    def report = reg.pushReport(basedir)
    assert report.image == repo && report.registry == registry
    assert report.tags.keySet() as List == ['1.0', 'latest'] : "push.json tags: ${report.tags}"
    assert reg.tags(registry, registryUser, registryPassword, name) == ['1.0', 'latest']
    ['1.0', 'latest'].each { tag ->
        def manifest = reg.manifest(registry, registryUser, registryPassword, name, tag)
        assert manifest.digest == report.tags[tag] : "${tag}: registry ${manifest.digest}, push.json ${report.tags[tag]}"
        assert log.contains("${repo}:${tag}: digest ${manifest.digest}, ") : "the log must show the digest of ${tag}"
        def layers = report.layers[tag]
        if (layers.reported) {
            assert layers.pushed + layers.existing == manifest.layers.size() : "layer counts ${layers} vs ${manifest.layers.size()} in the manifest"
        } else {
            // Podman sends no per-layer events: the counts are missing, not zero.
            assert report.engine.name == 'Podman Engine' && layers.pushed == null : "counts not reported by ${report.engine}"
        }
    }
    // Both tags name one image, so one manifest.
    assert report.tags['1.0'] == report.tags['latest']
    // The first tag uploaded the layers the registry lacked; the second found them all.
    assert !report.layers['latest'].reported || report.layers['latest'].pushed == 0

    // The local image is the one the build recorded.
    def record = docker.record(basedir)
    assert docker.ok(['image', 'inspect', '--format', '{{.Id}}', "${repo}:latest"]) == record.imageId
    // The password never shows.
    assert !log.contains(registryPassword) : 'the password must not appear in build.log'
    assert !new File(basedir, 'target/fastapi-docker/push.json').text.contains(registryPassword)
} finally {
    docker.removeImages(repo)
}
true
