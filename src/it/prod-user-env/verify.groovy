def docker = evaluate(new File(itLib, 'docker.groovy'))
def repo = "fastapi-it-${runId}/prod-user-env"
def image = "${repo}:1.0"
def left = docker.smokeContainers(basedir)
try {
    assert left.isEmpty() : "smoke containers left behind: ${left}"
    def log = new File(basedir, 'build.log').text
    def runs = log.split(/Building fastapi-it-/).drop(1)
    assert runs.size() == 2 : "expected two builds in build.log, found ${runs.size()}"

    // The image: USER after the code, the environment in its config.
    def dockerfile = new File(basedir, 'target/fastapi-docker/Dockerfile').text
    assert dockerfile.contains('\nUSER 10001:10001\n\nCMD ') : dockerfile
    assert dockerfile.indexOf('RUN pip install') < dockerfile.indexOf('ENV \\') : 'ENV after the dependencies'
    assert docker.ok(['image', 'inspect', '--format', '{{.Config.User}}', image]) == '10001:10001'
    def env = docker.ok(['image', 'inspect', '--format', '{{join .Config.Env "\\n"}}', image]).readLines()
    assert env.containsAll(['PYTHONUNBUFFERED=1', 'PYTHONDONTWRITEBYTECODE=1', 'GREETING=bye']) : env

    // The smoke test proved it: the server ran as uid 10001, and said so itself at /whoami.
    runs.each { run ->
        assert run.contains('runs as uid 10001 (gid 10001), not root, as USER 10001:10001 says') : run
        assert run =~ /(?m)^\[INFO\]   GET \/whoami +200 +\d+ ms  ok$/
    }
    def report = docker.smokeReport(basedir)
    assert report.passed == true
    assert report.user.configured == '10001:10001'
    assert report.user.uid == 10001 && report.user.gid == 10001 : report.user

    // The code stays root-owned and read-only to the server's user.
    assert docker.ok(['run', '--rm', '--network', 'none', '--entrypoint', 'stat', image, '-c', '%u %a', '/code/app/main.py']) == '0 644'
    // The verdict is printed, not taken from the exit code: docker run through Podman 4.3.1's
    // compatible API reported 0 for a touch that failed with "Permission denied".
    def write = docker.run(['run', '--rm', '--network', 'none', '--entrypoint', 'sh', image, '-c',
                            'if touch /code/app/x 2>/dev/null; then echo WROTE; else echo DENIED; fi'])
    assert write[1] == 'DENIED' : "the app user must not be able to change the code: ${write}"

    // A changed variable reuses the dependency layer: only the steps after it are built.
    assert runs[1].contains('cached  RUN pip install') : runs[1]
    assert runs[1].contains('built   ENV ') : runs[1]

    // Provenance: the base image, as the engine knows it. On Docker an imported image has no repo
    // digest; Podman gives a loaded image one under localhost/ (its local manifest's digest).
    def base = docker.ok(['image', 'inspect', '--format', '{{.Id}}', baseImage])
    def digests = docker.ok(['image', 'inspect', '--format', '{{json .RepoDigests}}', baseImage])
    def digest = new groovy.json.JsonSlurper().parseText(digests).find { it.contains("${baseImage.replaceFirst(/:[^:\/]+$/, '')}@") }
    def record = docker.record(basedir)
    assert record.getProperty('baseImage.0.name') == baseImage
    assert record.getProperty('baseImage.0.id') == base
    assert record.getProperty('baseImage.0.digest') == digest
    assert report.baseImages == [[name: baseImage, digest: digest, id: base]] : "${report.baseImages} vs engine's ${digests}"
    assert log.contains(digest ? "  base image ${baseImage}: ${digest}"
            : "  base image ${baseImage}: ${base} (no repo digest: built or imported on this engine)")
} finally {
    docker.removeContainers(left)
    docker.removeImages(repo)
}
true
