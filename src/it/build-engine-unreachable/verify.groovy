def docker = evaluate(new File(itLib, 'docker.groovy'))
def log = new File(basedir, 'build.log').text
assert log.contains('Cannot reach the Docker engine at tcp://127.0.0.1:9 (from <dockerHost> / fastapi.dockerHost)') : 'message must name the host tried'
assert log.contains('DOCKER_HOST') && log.contains('-Dfastapi.dockerHost=') : 'message must say how to point at another engine'
docker.assertCleanFailure(log)
true
