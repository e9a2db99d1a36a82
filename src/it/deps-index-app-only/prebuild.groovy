// This run's own base image: the test world's index image (PIP_NO_INDEX=0, PIP_INDEX_URL=the open
// index) under a new id, so every layer above it is new in this run. No RUN step: no network needed.
def tag = "fastapi-it-${runId}/deps-index-app-only-base:1"
def pb = new ProcessBuilder('docker', 'build', '-q', '-t', tag, '-').redirectErrorStream(true)
// The classic builder is enough; a CLI without buildx refuses BuildKit.
pb.environment().put('DOCKER_BUILDKIT', '0')
def proc = pb.start()
proc.outputStream.withWriter { it << "FROM ${indexImage}\nLABEL io.github.fastapidocker.it.run=${runId}\n" }
def out = proc.inputStream.text
assert proc.waitFor() == 0 : "docker build of ${tag} failed: ${out}"
true
