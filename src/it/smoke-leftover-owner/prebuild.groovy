// Containers of ANOTHER project, created (not started) with the smoke labels the plugin puts on
// its own: one whose build is alive (this JVM, the invoker's, runs until every IT is verified),
// one whose build is gone (a process that has exited), and one of a gone build on another host.
def docker = evaluate(new File(itLib, 'docker.groovy'))
def host = new File('/proc/sys/kernel/hostname').text.trim()
def me = ProcessHandle.current()
def exited = new ProcessBuilder('true').start()
def exitedStart = exited.toHandle().info().startInstant().map { it.toEpochMilli() }.orElse(System.currentTimeMillis())
exited.waitFor()
assert !ProcessHandle.of(exited.pid()).map { it.isAlive() }.orElse(false)

def create = { String name, long pid, long started, String ownerHost ->
    docker.ok(['create', '--network', 'host',
               '--label', 'io.github.fastapidocker.smoke=true',
               '--label', "io.github.fastapidocker.project=io.github.fastapidocker.it:other-${runId}",
               '--label', "io.github.fastapidocker.directory=/elsewhere/other-${runId}",
               '--label', "io.github.fastapidocker.owner.pid=${pid}",
               '--label', "io.github.fastapidocker.owner.started=${started}",
               '--label', "io.github.fastapidocker.owner.host=${ownerHost}",
               '--label', "fastapi-it.leftover=${runId}-${name}",
               baseImage, 'true'])
}
def ids = new Properties()
ids.live = create('live', me.pid(), me.info().startInstant().get().toEpochMilli(), host)
ids.dead = create('dead', exited.pid(), exitedStart, host)
ids.otherHost = create('other-host', exited.pid(), exitedStart, 'another-machine-' + runId)
ids.deadPid = exited.pid().toString()
new File(basedir, 'leftovers.properties').withOutputStream { ids.store(it, null) }
true
