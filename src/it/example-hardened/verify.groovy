def docker = evaluate(new File(itLib, 'docker.groovy'))
def repo = "fastapi-it-${runId}/hello-hardened"
def image = "${repo}:1.0.0"
def project = new File(basedir, 'hello-hardened')
def left = docker.smokeContainers(project)
try {
    assert left.isEmpty() : "smoke containers left behind: ${left}"
    def log = new File(basedir, 'build.log').text
    assert log.contains('BUILD SUCCESS')

    // Everything the example asks for, in the image the engine has.
    def config = new groovy.json.JsonSlurper().parseText(docker.ok(['image', 'inspect', '--format', '{{json .Config}}', image]))
    assert config.User == '10001'
    assert config.Env.containsAll(['PYTHONUNBUFFERED=1', 'PYTHONDONTWRITEBYTECODE=1', 'PYTHONUSERBASE=/opt/python'])
    assert config.Healthcheck.Test[-3..-1] == ['/health', '8000', '5'] : config.Healthcheck
    assert config.Cmd == ['fastapi', 'run', 'app/main.py', '--port', '8000', '--proxy-headers', '--forwarded-allow-ips', '*']
    def dockerfile = new File(project, 'target/fastapi-docker/Dockerfile').text
    assert dockerfile.contains(" AS builder\n") && dockerfile.contains("ARG FASTAPI_INDEX_URL=\"${indexAuthUrl}\"")

    // Proved by the smoke test: the private index's login used in the builder stage, the server
    // answering the guide's probes as uid 10001, and the engine's health check healthy.
    assert log.contains("Package index ${indexAuthUrl}: login from settings.xml server 'fastapi-test-index', user '${indexUser}', passed to the builder stage only")
    assert log.contains("Looking in indexes: http://${indexUser}:****@127.0.0.1:")
    assert log.contains("Smoke test of ${image} passed")
    assert log.contains('runs as uid 10001 (gid 0), not root, as USER 10001 says')
    assert log =~ /(?m)^\[INFO\]   GET \/items\/5\?q=somequery  200 +\d+ ms  ok$/
    assert log =~ /(?m)^\[INFO\]   healthy after \d+\.\d s /
    def report = docker.smokeReport(project)
    assert report.user.uid == 10001 && report.health.status == 'healthy'
    assert report.baseImages*.name == [indexImage]

    // And the login is not in the image.
    [docker.ok(['history', '--no-trunc', image]), docker.ok(['image', 'inspect', image]), log].each {
        assert !it.contains(indexPassword)
    }
    println "example-hardened: ${(log =~ /size ([\d.]+ MB), context \d+ bytes, (\d+ of \d+) steps from cache, ([\d.]+ s)/)[0][0]}"
} finally {
    docker.removeContainers(left)
    docker.removeImages(repo)
}
true
