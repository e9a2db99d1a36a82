def docker = evaluate(new File(itLib, 'docker.groovy'))
def log = new File(basedir, 'build.log').text
assert log.contains('Cannot reach the Docker engine at tcp://127.0.0.1:9 (from <dockerHost> / fastapi.dockerHost)') : 'message must name the host tried'
assert log.contains('DOCKER_HOST') && log.contains('-Dfastapi.dockerHost=') : 'message must say how to point at another engine'
// The context is written while the engine is being opened, not after: it is there although the
// engine never answered, and no temporary context of the run is left beside it.
def out = new File(basedir, 'target/fastapi-docker')
assert new File(out, 'context.tar').length() > 0 : 'the build context must be written while the engine is opened'
assert !out.list().any { it.startsWith('.context-') } : 'no temporary context may be left'
docker.assertCleanFailure(log)
true
