def docker = evaluate(new File(itLib, 'docker.groovy'))
def log = new File(basedir, 'build.log').text
assert log.contains("<tags> (fastapi.tags) has an invalid tag 'bad+tag'") : 'bad tag must be named'
assert log.contains('<port> (fastapi.port) must be 1-65535, was 0') : 'bad port must be named'
assert log.contains('<workers> (fastapi.workers) must be at least 1, was 0') : 'bad workers must be named'
assert log.contains("<image> (fastapi.image) is not a valid image name: 'Bad/Name'") : 'bad image name must be named'
assert !log.contains('Cannot reach the Docker engine') : 'validation must come before contacting the engine'
docker.assertCleanFailure(log)
true
