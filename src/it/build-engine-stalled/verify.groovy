def docker = evaluate(new File(itLib, 'docker.groovy'))
def stall = evaluate(new File(itLib, 'stall.groovy'))
def server = stall.stop(basedir)
assert server != null : 'prebuild.groovy must have started the server'
def log = new File(basedir, 'build.log').text
def host = "tcp://127.0.0.1:${server.port}"
assert server.seen.contains('connect') : 'the plugin must have reached the stalled server'
assert log.contains("The Docker engine at ${host} (from <dockerHost> / fastapi.dockerHost) did not answer \"ping\" within 10 s; the call was abandoned.") : 'the message must name the call, the host and the limit'
assert log.contains('-Dfastapi.dockerHost=') : 'the message must say how to point at another engine'
docker.assertCleanFailure(log)
assert !log.contains('recoverable I/O exception') : 'the abandoned call must not be announced as retried'
// The first contact waits at most 10 s; all of Maven, startup included, well under a minute.
def waited = stall.secondsBetween(log, '--- fastapi-docker:', 'did not answer "ping"')
assert waited >= 9.5 && waited < 20 : "the ping failed after ${waited} s"
assert server.seconds < 60 : "the build took ${server.seconds} s"
new File(basedir, 'measurements.txt').text = "stalled ping failed after ${waited} s (whole build ${server.seconds} s)\n"
true
