def docker = evaluate(new File(itLib, 'docker.groovy'))
def log = new File(basedir, 'build.log').text
def expected = "requirements file not found: ${new File(basedir, 'requirements/prod.txt').canonicalPath} (set <requirementsFile> (fastapi.requirementsFile))"
assert log.contains(expected) : "build.log should say: ${expected}"
docker.assertCleanFailure(log)
assert !new File(basedir, 'target/fastapi-docker/image.properties').exists() : 'nothing may be recorded'
true
