def docker = evaluate(new File(itLib, 'docker.groovy'))
def repo = "fastapi-it-${runId}/build-user-dockerfile"
try {
    def log = new File(basedir, 'build.log').text
    assert log.contains('[WARNING]') && log.contains('CMD is in shell form') : 'shell-form CMD must be warned about'
    assert log.contains('does not pass SIGTERM on') : 'the warning must say why'
    def id = docker.ok(['image', 'inspect', '--format', '{{.Id}}', "${repo}:1.0"])
    def env = docker.ok(['image', 'inspect', '--format', '{{json .Config.Env}}', id])
    assert env.contains('GREETING=from-user-dockerfile') : "the user's Dockerfile must be the one built: ${env}"
    def labels = docker.ok(['image', 'inspect', '--format', '{{json .Config.Labels}}', id])
    assert labels.contains('org.opencontainers.image.version') : "OCI labels are added to a user's Dockerfile too: ${labels}"
    // The context is the project directory without the Maven build output.
    def files = docker.ok(['run', '--rm', '--network', 'none', '--entrypoint', 'find', id, '/srv', '-type', 'f']).readLines().sort()
    assert files == ['/srv/app/__init__.py', '/srv/app/main.py', '/srv/requirements.txt'] : "${files}"
} finally {
    docker.removeImages(repo)
}
true
