def docker = evaluate(new File(itLib, 'docker.groovy'))
def sources = ['requirements', 'uv', 'poetry', 'pyproject']
def repo = { String source -> "fastapi-it-${runId}/deps-index-app-only-${source}" }
try {
    def steps = { String image ->
        docker.ok(['history', '--no-trunc', '--format', '{{.ID}}\t{{.CreatedBy}}', image])
                .readLines().reverse().collect { def p = it.split('\t', 2); [p[0], p.length > 1 ? p[1] : ''] }
    }
    def layer = { String image, String text ->
        def step = steps(image).find { it[1].contains(text) }
        assert step : "no '${text}' step in the history of ${image}"
        step[0]
    }
    def log = new File(basedir, 'build.log').text
    def builds = log.split(/Building fastapi-it-/).drop(1)
    assert builds.size() == 8 : "expected eight builds in build.log, found ${builds.size()}"
    sources.each { source ->
        def image = repo(source)
        def (v1, v2) = builds.findAll { it.startsWith("${runId}/deps-index-app-only-${source}:") }
        assert v1 && v2 : "two builds of ${source}"
        // Run 1 installed the probe package from the index (it is not in the base image).
        assert v1.contains('built   RUN pip install') : "${source}: pip must run in build 1"
        assert v1.contains('/files/fastapi_docker_probe-1.0.0-py3-none-any.whl') : "${source}: downloaded from the index"
        assert v1.contains('Successfully installed fastapi-docker-probe-1.0.0') : "${source}: installed in build 1"
        // Run 2 changed only the app: the engine reused the layer pip made.
        assert v2.contains('cached  RUN pip install') : "${source}: build 2 must list the pip step as cached"
        assert !v2.contains('Successfully installed') : "${source}: pip must not run again"
        ['/code/requirements.txt', 'pip install --no-cache-dir --upgrade'].each { text ->
            def (a, b) = [layer("${image}:v1", text), layer("${image}:v2", text)]
            assert a == b : "${source}: after an app-only change the '${text}' layer must be reused: v1 ${a}, v2 ${b}"
        }
        assert layer("${image}:v1", '/code/app') != layer("${image}:v2", '/code/app') : "${source}: the code layer changed"
        def reported = docker.ok(['run', '--rm', '--network', 'none', '--entrypoint', 'python3', "${image}:v2",
                                  '-c', 'import fastapi_docker_probe; print(fastapi_docker_probe.__version__)'])
        assert reported == '1.0.0' : "${source}: fastapi-docker-probe ${reported}"
    }
    // Each source was the one the plugin took.
    assert log.count('[INFO] Python dependencies: requirements.txt') == 2
    assert log.count('[INFO] Python dependencies: uv.lock') == 2
    assert log.count('[INFO] Python dependencies: poetry.lock') == 2
    assert log.count('[INFO] Python dependencies: pyproject.toml') == 2
} finally {
    sources.each { docker.removeImages(repo(it)) }
    docker.removeImages("fastapi-it-${runId}/deps-index-app-only-base")
}
true
