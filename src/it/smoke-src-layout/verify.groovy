def docker = evaluate(new File(itLib, 'docker.groovy'))
def repo = "fastapi-it-${runId}/smoke-src-layout"
try {
    def log = new File(basedir, 'build.log').text
    assert log.contains("Smoke test of ${repo}:1.0 passed") : 'the src layout app must pass its smoke test'
    assert log.contains('Python dependencies: requirements.txt') : 'the requirements file wins over pyproject.toml'
    def dockerfile = new File(basedir, 'target/fastapi-docker/Dockerfile').text
    assert dockerfile.contains('COPY ./src /code/src\n') : "src/ is the code: ${dockerfile}"
    assert dockerfile.contains('CMD ["fastapi", "run", "src/myservice/main.py", "--app", "api", "--port", "80"]') : dockerfile
    def id = docker.record(basedir).imageId
    def cmd = docker.ok(['image', 'inspect', '--format', '{{json .Config.Cmd}}', id])
    assert cmd == '["fastapi","run","src/myservice/main.py","--app","api","--port","80"]' : "the image's CMD: ${cmd}"
    def files = docker.ok(['run', '--rm', '--network', 'none', '--entrypoint', 'find', id, '/code/src', '-name', '*.py']).readLines().sort()
    assert files == ['/code/src/helpers/__init__.py', '/code/src/helpers/greeting.py', '/code/src/myservice/__init__.py', '/code/src/myservice/main.py'] : "${files}"
    def report = docker.smokeReport(basedir)
    assert report.passed && report.command.containsAll(['--app', 'api'])
} finally {
    docker.removeImages(repo)
}
true
