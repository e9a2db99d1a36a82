def docker = evaluate(new File(itLib, 'docker.groovy'))
def log = new File(basedir, 'build.log').text
assert log.contains("Cannot reach the Docker engine at tcp://127.0.0.1:9 (from docker context 'it-context'") :
        'the engine of the current docker context must be the one tried, and named'
docker.assertCleanFailure(log)
true
