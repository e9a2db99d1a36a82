def docker = evaluate(new File(itLib, 'docker.groovy'))
def repo = "fastapi-it-${runId}/deps-index-upgrade"
def left = docker.smokeContainers(basedir)
try {
    assert left.isEmpty() : "smoke containers left behind: ${left}"
    def pipLayer = { String tag ->
        def step = docker.ok(['history', '--no-trunc', '--format', '{{.ID}}\t{{.CreatedBy}}', "${repo}:${tag}"])
                .readLines().find { it.contains('pip install --no-cache-dir --upgrade') }
        assert step : "no pip install step in the history of ${tag}"
        step.split('\t')[0]
    }
    assert pipLayer('v1') != pipLayer('v2') : 'a requirements change must rebuild the pip install layer'

    // pip downloaded each version from the index and installed it (nothing "already satisfied").
    def log = new File(basedir, 'build.log').text
    def runs = log.split(/Building fastapi-it-/).drop(1)
    assert runs.size() == 2 : "expected two builds in build.log, found ${runs.size()}"
    ['1.0.0', '2.0.0'].eachWithIndex { version, i ->
        assert runs[i].contains('built   RUN pip install') : "build ${i + 1} must run pip"
        assert runs[i].contains("Looking in indexes: ${indexUrl}") : "build ${i + 1}: pip must use the index"
        assert runs[i].contains("/files/fastapi_docker_probe-${version}-py3-none-any.whl") : "build ${i + 1} must download ${version}"
        assert runs[i].contains("Successfully installed fastapi-docker-probe-${version}") : "build ${i + 1} must install ${version}"
        // The running app reported it: the smoke probe's JSON names the version.
        assert runs[i].contains("Smoke test of ${repo}:v${i + 1} passed") : "smoke of v${i + 1}"
    }
    assert log.contains('Requirement already satisfied: fastapi') : 'fastapi still comes from the base image'

    // In each image, the module of its own version.
    ['v1': '1.0.0', 'v2': '2.0.0'].each { tag, version ->
        def reported = docker.ok(['run', '--rm', '--network', 'none', '--entrypoint', 'python3', "${repo}:${tag}",
                                  '-c', 'import fastapi_docker_probe; print(fastapi_docker_probe.__version__)'])
        assert reported == version : "${tag} has fastapi-docker-probe ${reported}, expected ${version}"
    }
} finally {
    docker.removeContainers(left)
    docker.removeImages(repo)
}
true
