// A Docker credential helper for the test registry, on the PATH the invoker gives Maven, and a
// docker config that names it in credHelpers. The helper answers only for the test registry and
// notes every call, so verify.groovy can tell it was asked.
def bin = new File(basedir, 'bin')
bin.mkdirs()
def helper = new File(bin, 'docker-credential-fastapitest')
helper.text = """#!/bin/sh
# Test credential helper: docker-credential-fastapitest get < server
[ "\$1" = get ] || { echo "unsupported: \$1" >&2; exit 2; }
read -r server
echo "get \$server" >> '${new File(basedir, 'helper-calls.log').absolutePath}'
if [ "\$server" = '${registry}' ]; then
  printf '{"ServerURL":"%s","Username":"%s","Secret":"%s"}\\n' "\$server" '${registryUser}' '${registryPassword}'
else
  echo 'credentials not found in native keychain'
  exit 1
fi
"""
helper.setExecutable(true)
def config = new File(basedir, 'docker-config')
config.mkdirs()
new File(config, 'config.json').text = """{
  "credHelpers": {"${registry}": "fastapitest"}
}
"""
true
