// Loopback servers that accept connections and then stall, for the deadline ITs: 'silent' accepts
// and never answers (a hung engine); 'registry' answers as a registry up to the upload and then
// stalls it (never reads the layer, never answers). They run as daemon threads of the invoker JVM,
// started by prebuild.groovy and stopped by verify.groovy, and stop themselves after MAX_LIFE_MS
// whatever happens. Load with: def stall = evaluate(new File(itLib, 'stall.groovy'))
import java.util.concurrent.CopyOnWriteArrayList

def MAX_LIFE_MS = 300_000
def keyOf = { File basedir -> "it.stall.${basedir.canonicalPath}".toString() }

// One request head (up to the blank line), or null at the end of the stream; at most 64 KiB.
def readHead = { InputStream input ->
    def head = new ByteArrayOutputStream()
    int matched = 0
    while (head.size() < 65536) {
        int b = input.read()
        if (b < 0) {
            return null
        }
        head.write(b)
        matched = (b == '\r\n\r\n'.charAt(matched) as int) ? matched + 1 : (b == 13 ? 1 : 0)
        if (matched == 4) {
            return head.toString('ISO-8859-1')
        }
    }
    null
}

def answer = { OutputStream out, String status, Map headers ->
    def text = "HTTP/1.1 ${status}\r\n"
    (headers + ['Content-Length': '0']).each { k, v -> text += "${k}: ${v}\r\n" }
    out.write((text + '\r\n').getBytes('ISO-8859-1'))
    out.flush()
}

// The registry's side of a push up to the upload; the upload itself is left unanswered.
def registry = { Socket socket, List seen ->
    def input = new BufferedInputStream(socket.inputStream)
    def out = socket.outputStream
    // The engine tries TLS first on an insecure registry: refuse it at once, so it falls back to HTTP.
    input.mark(1)
    if (input.read() == 0x16) {
        seen << 'TLS refused'
        socket.close()
        return
    }
    input.reset()
    while (true) {
        def head = readHead(input)
        if (head == null) {
            return
        }
        def (method, path) = head.readLines()[0].tokenize(' ')
        seen << "${method} ${path}".toString()
        def api = ['Docker-Distribution-API-Version': 'registry/2.0']
        if (method == 'GET' && path == '/v2/') {
            answer(out, '200 OK', api)
        } else if (method == 'HEAD') {
            answer(out, '404 Not Found', api)
        } else if (method == 'POST' && path.contains('/blobs/uploads/')) {
            def name = path.substring(4, path.indexOf('/blobs/uploads/'))
            answer(out, '202 Accepted', api + ['Location': "/v2/${name}/blobs/uploads/stalled-upload",
                    'Docker-Upload-UUID': 'stalled-upload', 'Range': '0-0'])
        } else {
            return // PATCH or PUT of a layer: never read, never answered, until the server stops.
        }
    }
}

[
    // Starts a server; returns its port. mode: 'silent' or 'registry'.
    start: { File basedir, String mode ->
        def server = new ServerSocket(0, 50, InetAddress.getByName('127.0.0.1'))
        def connections = new CopyOnWriteArrayList()
        def seen = new CopyOnWriteArrayList()
        def stop = {
            try { server.close() } catch (IOException ignored) { }
            connections.each { try { it.close() } catch (IOException ignored) { } }
        }
        Thread.startDaemon("stall-accept-${server.localPort}") {
            try {
                while (!server.closed) {
                    def socket = server.accept()
                    connections << socket
                    seen << 'connect'
                    if (mode == 'registry') {
                        Thread.startDaemon("stall-registry-${server.localPort}") {
                            try { registry(socket, seen) } catch (IOException ignored) { }
                        }
                    }
                }
            } catch (IOException ignored) {
                // Stopped.
            }
        }
        Thread.startDaemon("stall-lifetime-${server.localPort}") {
            Thread.sleep(MAX_LIFE_MS)
            stop()
        }
        System.properties.put(keyOf(basedir), [port: server.localPort, seen: seen, started: System.nanoTime(),
                stop: stop as Runnable])
        server.localPort
    },
    // Stops the server of this IT; returns [port, seen (requests), seconds since start]. Never fails.
    stop: { File basedir ->
        def handle = System.properties.remove(keyOf(basedir))
        if (handle == null) {
            return null
        }
        handle.stop.run()
        [port: handle.port, seen: handle.seen as List, seconds: (System.nanoTime() - handle.started) / 1e9]
    },
    // The seconds between the first log line that contains `from` and the first later one that
    // contains `to`, from the HH:mm:ss.SSS timestamps the IT's MAVEN_OPTS turn on.
    secondsBetween: { String log, String from, String to ->
        def lines = log.readLines()
        int i = lines.findIndexOf { it.contains(from) }
        int j = lines.findIndexOf(Math.max(i, 0)) { it.contains(to) }
        assert i >= 0 && j >= 0 : "no lines with '${from}' then '${to}'"
        def time = { String line ->
            def m = line =~ /^(\d\d):(\d\d):(\d\d)\.(\d\d\d) /
            assert m.find() : "no timestamp on: ${line}"
            ((m.group(1) as int) * 3600 + (m.group(2) as int) * 60 + (m.group(3) as int)) + (m.group(4) as int) / 1000.0
        }
        time(lines[j]) - time(lines[i])
    },
]
