def docker = evaluate(new File(itLib, 'docker.groovy'))
def stall = evaluate(new File(itLib, 'stall.groovy'))
def server = stall.stop(basedir)
assert server != null : 'prebuild.groovy must have started the server'
def registry = "127.0.0.1:${server.port}"
def repo = "${registry}/fastapi-it-${runId}/push-registry-stalled"
try {
    def log = new File(basedir, 'build.log').text
    // The engine really pushed to the stalled registry, up to the upload.
    assert server.seen.contains('GET /v2/') : "the engine never asked the registry: ${server.seen}"
    assert server.seen.any { it.startsWith('PATCH ') || it.startsWith('PUT ') } : "no upload reached the registry: ${server.seen}"
    // One clean error naming the push, the registry, the call and the limit, and how to allow more.
    assert log =~ /Pushing \Q${repo}\E:1\.0 to registry \Q${registry}\E failed after 1 attempt: The Docker engine at \S+ \(from [^)]+\) (sent nothing for 5 s during|did not answer) "push \Q${repo}\E:1\.0"/ : 'the error must name the push, the registry and the call'
    assert log.contains('<engineTimeout>SECONDS</engineTimeout> (-Dfastapi.engineTimeout=SECONDS) (now 5)')
    docker.assertCleanFailure(log)
    def waited = stall.secondsBetween(log, "Pushing ${repo} (1.0) to ${registry}", 'BUILD FAILURE')
    assert waited >= 4.5 && waited < 15 : "the stalled push failed after ${waited} s"
    assert server.seconds < 120 : "the whole build took ${server.seconds} s"
    new File(basedir, 'measurements.txt').text = "stalled push failed after ${waited} s (whole build ${server.seconds} s); registry saw ${server.seen}\n"
} finally {
    docker.removeImages(repo)
}
true
