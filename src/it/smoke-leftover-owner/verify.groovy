def docker = evaluate(new File(itLib, 'docker.groovy'))
def repo = "fastapi-it-${runId}/smoke-leftover-owner"
def ids = new Properties()
new File(basedir, 'leftovers.properties').withInputStream { ids.load(it) }
def left = docker.smokeContainers(basedir)
def exists = { String id -> docker.run(['inspect', '--type', 'container', id])[0] == 0 }
try {
    assert left.isEmpty() : "smoke containers left behind: ${left}"
    def log = new File(basedir, 'build.log').text
    assert log.contains("Smoke test of ${repo}:1.0 passed")
    // docker ps -a: the gone build's container was removed, the live build's and the other host's kept.
    def all = docker.ok(['ps', '-a', '--no-trunc', '--format', '{{.ID}}']).readLines()
    assert !all.contains(ids.dead) : 'the container of a build that is gone is a leftover'
    assert all.contains(ids.live) : 'a container of a live build is never removed'
    assert all.contains(ids.otherHost) : "another host's container is never removed"
    def shortDead = ids.dead.substring(0, 12)
    assert log.contains("[WARNING] Removed container ${shortDead} that an earlier smoke test of"
            + " io.github.fastapidocker.it:other-${runId} left behind (its build, process ${ids.deadPid}, is gone") : 'warns, naming its project'
    assert !log.contains("Removed container ${ids.live.substring(0, 12)}")
} finally {
    docker.removeContainers(left + [ids.live, ids.dead, ids.otherHost].findAll { it && exists(it) })
    docker.removeImages(repo)
}
true
