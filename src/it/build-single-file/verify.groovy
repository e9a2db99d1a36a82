def docker = evaluate(new File(itLib, 'docker.groovy'))
def repo = "fastapi-it-${runId}/build-single-file"
try {
    def id = docker.ok(['image', 'inspect', '--format', '{{.Id}}', "${repo}:1.0"])
    assert id == docker.record(basedir).imageId
    def cmd = docker.ok(['image', 'inspect', '--format', '{{json .Config.Cmd}}', id])
    assert cmd == '["fastapi","run","main.py","--port","80"]' : "CMD was ${cmd}"
    def dockerfile = new File(basedir, 'target/fastapi-docker/Dockerfile').text
    assert dockerfile.contains('COPY ./main.py /code/\n') : dockerfile
    def files = docker.ok(['run', '--rm', '--network', 'none', '--entrypoint', 'find', id, '/code', '-type', 'f'])
            .readLines().sort()
    assert files == ['/code/main.py', '/code/requirements.txt'] : "files in /code: ${files}"
} finally {
    docker.removeImages(repo)
}
true
