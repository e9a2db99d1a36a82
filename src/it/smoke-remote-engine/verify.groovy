def docker = evaluate(new File(itLib, 'docker.groovy'))
def repo = "fastapi-it-${runId}/smoke-remote-engine"
def engineHost = new URI(tcpEngine.trim()).host
def left = docker.smokeContainers(basedir)
try {
    assert left.isEmpty() : "smoke containers left behind: ${left}"
    assert engineHost == '127.0.0.2' : "the test world's TCP engine is on 127.0.0.2, not ${engineHost}"
    def log = new File(basedir, 'build.log').text
    def runs = log.split(/\[INFO\] Building smoke-remote-engine 1\.0/).drop(1)
    assert runs.size() == 3 : "expected three builds in build.log, found ${runs.size()}"

    // 1: a bad <smokeHost> is named with what is wrong, before the smoke test starts anything.
    docker.assertCleanFailure(runs[0])
    assert runs[0].contains("<smokeHost> (fastapi.smoke.host) must be a host name or an IP address (IPv6 with or without"
            + " brackets), without scheme, port or path, was 'http://127.0.0.4:8000': it has a scheme") : 'the bad value and the element to fix'
    assert !runs[0].contains('Smoke-testing') && !runs[0].contains('Probing') : 'no container for a bad setting'

    // 2: <smokeHost> wins over the engine's host; the server listened on 127.0.0.4 only, so the probes went there.
    assert runs[1].contains('[INFO] Probing http://127.0.0.4:18251 (from <smokeHost> (fastapi.smoke.host))') : 'the override says where it probes'
    assert runs[1].contains("Smoke test of ${repo}:1.0 passed") : 'probed at the overriding host'

    // 3: no <smokeHost>: the engine's host. The server listened on 127.0.0.2 only (a probe of 127.0.0.1 is refused).
    assert runs[2].contains("[INFO] Probing http://127.0.0.2:18251 (the host of the engine at ${tcpEngine.trim()}; override with <smokeHost> (fastapi.smoke.host))")
    assert runs[2].count('[INFO] Probing ') == 1 : 'one line says where it probes'
    assert runs[2].contains("Smoke test of ${repo}:1.0 passed")
    assert !runs[2].contains("skipped: image") : 'a pass at another host does not stand for this one'
    def report = docker.smokeReport(basedir)
    assert report.passed == true
    assert report.network == 'host'
    assert report.command == [] : "the image's own command: ${report.command}"
    assert report.host == '127.0.0.2'
    assert report.url == 'http://127.0.0.2:18251'
    assert report.probes*.url == ['http://127.0.0.2:18251/docs', 'http://127.0.0.2:18251/openapi.json']
    assert report.probes.every { it.passed && it.status == 200 && new URI(it.url).host == engineHost }
    assert report.containerLog.contains('http://127.0.0.2:18251') : "the server listened on 127.0.0.2 only: ${report.containerLog}"
    assert report.stop.graceful : 'exec: the server got SIGTERM'
    println "smoke-remote-engine: ready ${report.ready.millis} ms (${report.ready.attempts} tries), total ${report.totalMillis} ms, probed ${report.url}"
} finally {
    docker.removeContainers(left)
    docker.removeImages(repo)
}
true
