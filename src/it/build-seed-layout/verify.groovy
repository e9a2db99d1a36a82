def docker = evaluate(new File(itLib, 'docker.groovy'))
def repo = "fastapi-it-${runId}/seed"
try {
    def log = new File(basedir, 'build.log').text
    def record = docker.record(basedir)
    assert record.image == repo : "recorded image name: ${record.image}"

    // Every tag names the image the plugin recorded.
    ['1.0', 'latest', 'candidate'].each { tag ->
        def id = docker.ok(['image', 'inspect', '--format', '{{.Id}}', "${repo}:${tag}"])
        assert id == record.imageId : "${repo}:${tag} is ${id}, the plugin recorded ${record.imageId}"
        assert log.contains("tagged ${repo}:${tag}") : "summary does not list tag ${tag}"
    }

    // The guide's CMD in exec form, from the package layout.
    def cmd = docker.ok(['image', 'inspect', '--format', '{{json .Config.Cmd}}', record.imageId])
    assert cmd == '["fastapi","run","app/main.py","--port","80"]' : "CMD was ${cmd}"
    def workdir = docker.ok(['image', 'inspect', '--format', '{{.Config.WorkingDir}}', record.imageId])
    assert workdir == '/code'

    // OCI labels from the POM and the user's label.
    def labels = docker.ok(['image', 'inspect', '--format', '{{json .Config.Labels}}', record.imageId])
    assert labels.contains('"org.opencontainers.image.title":"Seed layout"') : labels
    assert labels.contains('"org.opencontainers.image.version":"1.0"') : labels
    assert labels.contains('"team":"platform"') : labels

    // Only what the Dockerfile copies is in the image's /code (no build output, no caches).
    def files = docker.ok(['run', '--rm', '--network', 'none', '--entrypoint', 'find', record.imageId, '/code', '-type', 'f'])
            .readLines().sort()
    assert files == ['/code/app/__init__.py', '/code/app/main.py', '/code/requirements.txt'] : "files in /code: ${files}"

    // The requirements layer comes before the code layer.
    def history = docker.ok(['history', '--no-trunc', '--format', '{{.CreatedBy}}', record.imageId]).readLines().reverse()
    def pip = history.findIndexOf { it.contains('pip install --no-cache-dir --upgrade -r /code/requirements.txt') }
    def code = history.findIndexOf { it.contains('COPY') && it.contains('/code/app') }
    assert pip >= 0 && code > pip : "pip install (${pip}) must come before COPY app (${code}): ${history}"

    // The build was visible in the Maven log at INFO.
    assert docker.logShowsStep(log, 4, 'RUN pip install') : 'step 4 (RUN pip install) must be in the log'
    assert log =~ /size [0-9.]+ MB, context [0-9]+ bytes, [0-9]+ of [0-9]+ steps from cache/
} finally {
    docker.removeImages(repo)
}
true
