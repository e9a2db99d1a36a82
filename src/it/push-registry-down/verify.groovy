def docker = evaluate(new File(itLib, 'docker.groovy'))
def repo = "127.0.0.1:5599/fastapi-it-${runId}/push-registry-down"
try {
    def log = new File(basedir, 'build.log').text
    // Two retries with growing waits, then one clear error naming the registry.
    assert log.contains("Push of ${repo}:1.0 failed (attempt 1 of 3): ") && log.contains('retrying in 1.0 s')
    assert log.contains("Push of ${repo}:1.0 failed (attempt 2 of 3): ") && log.contains('retrying in 2.0 s')
    assert !log.contains('attempt 3 of 3): ') : 'the last failure is the error, not a retry'
    assert log =~ /Pushing 127\.0\.0\.1:5599\/fastapi-it-[^ ]+:1\.0 to registry 127\.0\.0\.1:5599 failed after 3 attempts: .*connection refused.*\(is the registry 127\.0\.0\.1:5599 up and reachable/ : 'the error must name the registry and the cause'
    assert log.contains('credentials: none (no login found for 127.0.0.1:5599; tried <registryUsername> (fastapi.registry.username) and <registryPassword> (fastapi.registry.password), settings.xml server \'127.0.0.1:5599\', docker config ')
    docker.assertCleanFailure(log)
} finally {
    docker.removeImages(repo)
}
true
