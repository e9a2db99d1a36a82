// A docker config with a plain "auths" login for the test registry (as `docker login` writes
// without a credential store), in this IT's own directory, never in ~/.docker.
def config = new File(basedir, 'docker-config')
config.mkdirs()
def auth = "${registryUser}:${registryPassword}".bytes.encodeBase64().toString()
new File(config, 'config.json').text = """{
  "auths": {"${registry}": {"auth": "${auth}"}}
}
"""
true
