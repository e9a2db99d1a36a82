#!/usr/bin/env python3
"""The test world's package index: PEP 503 "simple" pages on 127.0.0.1, for the ITs only.

There is no PyPI on the machines the tests run on, so this script builds a few tiny wheels
itself (a wheel is a zip of a module and NAME-VERSION.dist-info/{METADATA,WHEEL,RECORD}; no
network, no build tool) and serves them from one process on two ports:

  open index    http://127.0.0.1:OPEN_PORT/simple/       no login
  auth index    http://127.0.0.1:AUTH_PORT/simple/       HTTP basic auth USER:PASSWORD (401 otherwise)

Pages: /simple/ lists the projects, /simple/NAME/ links every file with #sha256=..., the files
are under /files/. The wheels are byte-for-byte reproducible (fixed zip timestamps), so their
hashes can be written into the ITs' lock files.

Usage:
  package-index.py build DIR                      write the wheels into DIR, print NAME HASH lines
  package-index.py serve DIR OPEN_PORT AUTH_PORT  serve DIR (built first); the login comes from
                                                  FASTAPI_TEST_INDEX_USER / _PASSWORD; runs until
                                                  SIGTERM, or --max-seconds N (0: no limit)
"""

import base64
import hashlib
import html
import http.server
import io
import os
import re
import signal
import socketserver
import sys
import threading
import time
import zipfile

# The distributions the index holds: (name, version).
DISTRIBUTIONS = [
    ("fastapi-docker-probe", "1.0.0"),
    ("fastapi-docker-probe", "2.0.0"),
]
ZIP_TIME = (2026, 1, 1, 0, 0, 0)


def normalize(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def wheel_bytes(name, version):
    module = name.replace("-", "_")
    dist_info = f"{module}-{version}.dist-info"
    files = [
        (f"{module}/__init__.py",
         f'"""A probe package of the fastapi-docker-maven-plugin test index (version {version})."""\n'
         f'__version__ = "{version}"\n'),
        (f"{dist_info}/METADATA",
         f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n"
         f"Summary: Test-only probe package served by scripts/package-index.py\n"),
        (f"{dist_info}/WHEEL",
         "Wheel-Version: 1.0\nGenerator: fastapi-docker-test-index\nRoot-Is-Purelib: true\n"
         "Tag: py3-none-any\n"),
    ]
    record = []
    for path, text in files:
        data = text.encode()
        digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
        record.append(f"{path},sha256={digest},{len(data)}")
    record.append(f"{dist_info}/RECORD,,")
    files.append((f"{dist_info}/RECORD", "\n".join(record) + "\n"))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as zf:
        for path, text in files:
            info = zipfile.ZipInfo(path, ZIP_TIME)
            info.compress_type = zipfile.ZIP_STORED
            info.external_attr = 0o644 << 16
            zf.writestr(info, text)
    return f"{module}-{version}-py3-none-any.whl", out.getvalue()


def build(directory):
    os.makedirs(directory, exist_ok=True)
    built = []
    for name, version in DISTRIBUTIONS:
        filename, data = wheel_bytes(name, version)
        path = os.path.join(directory, filename)
        tmp = path + ".tmp"
        with open(tmp, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
        built.append((name, filename, hashlib.sha256(data).hexdigest()))
    return built


def make_handler(directory, login):
    files = {}
    projects = {}
    for name, filename, digest in build(directory):
        files[filename] = digest
        projects.setdefault(normalize(name), []).append(filename)
    expected = None
    if login:
        expected = "Basic " + base64.b64encode(login.encode()).decode()

    class Handler(http.server.BaseHTTPRequestHandler):
        server_version = "fastapi-docker-test-index"

        def log_message(self, fmt, *args):
            sys.stderr.write("%s port %d %s\n" % (
                time.strftime("%H:%M:%S"), self.server.server_address[1], fmt % args))

        def send(self, code, body, content_type="text/html; charset=utf-8", headers=()):
            self.send_response(code)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            for key, value in headers:
                self.send_header(key, value)
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)

        def page(self, title, links):
            items = "".join(f'<a href="{html.escape(href)}">{html.escape(text)}</a><br/>\n'
                            for href, text in links)
            return (f"<!DOCTYPE html>\n<html><head><meta name=\"pypi:repository-version\" "
                    f"content=\"1.0\"><title>{html.escape(title)}</title></head><body>\n"
                    f"{items}</body></html>\n").encode()

        def do_GET(self):
            if expected is not None and self.headers.get("Authorization") != expected:
                self.send(401, b"login required\n", "text/plain",
                          [("WWW-Authenticate", 'Basic realm="fastapi-docker-test-index"')])
                return
            path = self.path.split("?", 1)[0].split("#", 1)[0]
            if path in ("/simple", "/simple/"):
                self.send(200, self.page("Simple index",
                                         [(f"/simple/{p}/", p) for p in sorted(projects)]))
                return
            match = re.fullmatch(r"/simple/([^/]+)/?", path)
            if match:
                project = normalize(match.group(1))
                if project not in projects:
                    self.send(404, b"no such project\n", "text/plain")
                    return
                if not path.endswith("/") or match.group(1) != project:
                    self.send(301, b"", "text/plain", [("Location", f"/simple/{project}/")])
                    return
                self.send(200, self.page(f"Links for {project}",
                                         [(f"/files/{f}#sha256={files[f]}", f)
                                          for f in sorted(projects[project])]))
                return
            match = re.fullmatch(r"/files/([^/]+)", path)
            if match and match.group(1) in files:
                with open(os.path.join(directory, match.group(1)), "rb") as f:
                    self.send(200, f.read(), "application/octet-stream")
                return
            self.send(404, b"not found\n", "text/plain")

        do_HEAD = do_GET

    return Handler


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True


def serve(directory, open_port, auth_port, max_seconds):
    user = os.environ.get("FASTAPI_TEST_INDEX_USER", "")
    password = os.environ.get("FASTAPI_TEST_INDEX_PASSWORD", "")
    if not user or not password:
        sys.exit("package-index.py: FASTAPI_TEST_INDEX_USER and FASTAPI_TEST_INDEX_PASSWORD must be set")
    servers = [Server(("127.0.0.1", open_port), make_handler(directory, None)),
               Server(("127.0.0.1", auth_port), make_handler(directory, f"{user}:{password}"))]
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    for server in servers:
        threading.Thread(target=server.serve_forever, daemon=True).start()
    sys.stderr.write(f"serving {directory} on 127.0.0.1:{open_port} (open) and "
                     f"127.0.0.1:{auth_port} (basic auth)\n")
    sys.stderr.flush()
    stop.wait(max_seconds if max_seconds > 0 else None)
    for server in servers:
        server.shutdown()
        server.server_close()


def main(argv):
    if len(argv) == 2 and argv[0] == "build":
        for name, filename, digest in build(argv[1]):
            print(f"{filename} sha256:{digest}")
        return
    if len(argv) >= 4 and argv[0] == "serve":
        max_seconds = 0
        if len(argv) == 6 and argv[4] == "--max-seconds":
            max_seconds = int(argv[5])
        elif len(argv) != 4:
            sys.exit(__doc__)
        serve(argv[1], int(argv[2]), int(argv[3]), max_seconds)
        return
    sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
