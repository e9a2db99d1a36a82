def docker = evaluate(new File(itLib, 'docker.groovy'))
def repo = "fastapi-it-${runId}/prod-index-auth"
def image = "${repo}:1.0"
def left = docker.smokeContainers(basedir)
def scratch = File.createTempDir('prod-index-auth-', '')
try {
    assert left.isEmpty() : "smoke containers left behind: ${left}"
    def log = new File(basedir, 'build.log').text
    def runs = log.split(/Building fastapi-it-/).drop(1)
    assert runs.size() == 2 : "expected two builds in build.log, found ${runs.size()}"
    assert runs[1].contains('[DEBUG]') : 'the second run is under -X'

    // The login came from the settings.xml server (decrypted) and pip used it in the builder stage.
    assert log.count("[INFO] Package index ${indexAuthUrl}: login from settings.xml server 'fastapi-test-index', user '${indexUser}', passed to the builder stage only") == 2
    runs.each { run ->
        assert run.contains("Looking in indexes: http://${indexUser}:****@127.0.0.1:")
        assert run.contains('Successfully installed fastapi-docker-probe-2.0.0')
        assert run.contains("Smoke test of ${image} passed")
        assert run =~ /(?m)^\[INFO\]   GET \/probe +200 +\d+ ms  ok$/
    }
    def dockerfile = new File(basedir, 'target/fastapi-docker/Dockerfile').text
    assert dockerfile.contains(" AS builder\n") && dockerfile.contains('COPY --from=builder /opt/python /opt/python')
    assert dockerfile.contains("ARG FASTAPI_INDEX_URL=\"${indexAuthUrl}\"")

    // Search for the password, its URL-encoded form and the Basic header everywhere it could leak.
    def secrets = [indexPassword, URLEncoder.encode(indexPassword, 'UTF-8'),
                   "${indexUser}:${indexPassword}".bytes.encodeBase64().toString()].unique()
    def grep = { File file -> // how many of the secrets the file's bytes hold
        secrets.count { s -> ['grep', '-a', '-q', '-F', s, file.path].execute().waitFor() == 0 }
    }
    // The search itself finds what is there.
    def control = new File(scratch, 'control.txt')
    control.text = "x http://${indexUser}:${indexPassword}@host y"
    assert grep(control) == 1 : 'the search must find the password where it is'

    def history = docker.ok(['history', '--no-trunc', image])
    def inspect = docker.ok(['image', 'inspect', image])
    secrets.each { s ->
        assert !history.contains(s) : 'docker history --no-trunc must not hold the index login'
        assert !inspect.contains(s) : 'docker inspect must not hold the index login'
        assert !log.contains(s) : 'the Maven log (also under -X) must not hold the index login'
    }
    assert !inspect.contains('FASTAPI_INDEX_URL=') : 'no build argument in the image config'

    def saved = new File(scratch, 'image.tar')
    docker.ok(['save', '-o', saved.path, image])
    def unpacked = new File(scratch, 'image')
    unpacked.mkdirs()
    assert ['tar', '-xf', saved.path, '-C', unpacked.path].execute().waitFor() == 0
    def layers = []
    unpacked.eachFileRecurse { if (it.isFile()) { layers << it } }
    def layerCount = docker.ok(['image', 'inspect', '--format', '{{len .RootFS.Layers}}', image]) as int
    assert layers.count { it.name == 'layer.tar' } == layerCount : "expected ${layerCount} layers in docker save, found ${layers*.name}"
    layers.each { assert grep(it) == 0 : "${it} (docker save) holds the index login" }

    def targetFiles = []
    new File(basedir, 'target').eachFileRecurse { if (it.isFile()) { targetFiles << it } }
    assert targetFiles.any { it.name == 'context.tar' } && targetFiles.any { it.name == 'image.properties' }
    targetFiles.each { assert grep(it) == 0 : "${it} holds the index login" }
    println "prod-index-auth: searched ${layers.size()} files of docker save, ${targetFiles.size()} of target/, the history, the config and ${log.length()} characters of log"
} finally {
    scratch.deleteDir()
    docker.removeContainers(left)
    docker.removeImages(repo)
}
true
