#!/usr/bin/env python3
"""The inner-loop benchmark of issue 5: this plugin against the docker CLI by hand, fabric8's
docker-maven-plugin and an empty `mvn package`, alternating contenders run by run.

Run it through bench/run.sh, which installs the plugin under test into a private local
repository, brings up the test world and passes the paths in. Python standard library only.
Everything the benchmark creates is named bench-* and removed at the end.
"""

import argparse
import base64
import collections
import datetime
import glob
import json
import os
import platform
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
import zipfile

BENCH_DIR = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(BENCH_DIR)
EXAMPLE = os.path.join(ROOT, "examples", "hello-fastapi")

TAG = "1.0.0"
ITEMS_PATH = "/items/5?q=somequery"
ITEMS_JSON = {"item_id": 5, "q": "somequery"}
POLL_INTERVAL = 0.05  # seconds between readiness polls
POLL_TIMEOUT = 60.0  # give up on readiness after this long
COMMAND_TIMEOUT = 600  # any single command
FABRIC8 = "io.fabric8:docker-maven-plugin:0.49.0"
PLUGIN_GA = "io.github.fastapidocker:fastapi-docker-maven-plugin"

# The smoke goal's configuration in bench/poms/plugin.pom.xml: host network, the seed app's checks.
SMOKE_CONFIGURATION = """
          <smokeNetwork>host</smokeNetwork>
          <probes>
            <probe>
              <path>/docs</path>
            </probe>
            <probe>
              <path>/items/5?q=somequery</path>
              <json>{"item_id": 5, "q": "somequery"}</json>
            </probe>
          </probes>"""

# Loopback only, never through a proxy from the environment.
HTTP = urllib.request.build_opener(urllib.request.ProxyHandler({}))

# The Maven floor, run in the same alternating rounds as a scenario's contenders.
FLOOR_IN_ROUNDS = "empty `mvn -o package` (the Maven floor, in the same rounds)"


class BenchError(Exception):
    pass


def log(message):
    print("[bench] " + message, file=sys.stderr, flush=True)


def tail(text, lines=40):
    return "\n".join(text.strip().splitlines()[-lines:])


class Result:
    def __init__(self, rc, out, err, seconds):
        self.rc, self.out, self.err, self.seconds = rc, out, err, seconds


def run(cmd, cwd=None, env=None, check=True, stdin=None, timeout=COMMAND_TIMEOUT):
    """Runs a command in its own process group (killed on timeout or interrupt); wall time."""
    start = time.monotonic()
    proc = subprocess.Popen(
        cmd, cwd=cwd, env=env, text=True, start_new_session=True,
        stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        out, err = proc.communicate(stdin, timeout=timeout)
    except BaseException as e:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        proc.communicate()
        if isinstance(e, subprocess.TimeoutExpired):
            raise BenchError("timed out after %d s: %s" % (timeout, " ".join(cmd))) from None
        raise
    seconds = time.monotonic() - start
    if check and proc.returncode != 0:
        raise BenchError("%s failed (exit %d) in %s:\n%s" % (
            " ".join(cmd), proc.returncode, cwd or os.getcwd(), tail(out + "\n" + err)))
    return Result(proc.returncode, out, err, seconds)


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def http_get(url, timeout=2.0, headers=None, method="GET"):
    request = urllib.request.Request(url, headers=headers or {}, method=method)
    with HTTP.open(request, timeout=timeout) as response:
        return response.status, dict(response.headers), response.read()


def wait_until_ready(port):
    """Polls GET /docs every POLL_INTERVAL until 200, at most POLL_TIMEOUT; returns tries."""
    deadline = time.monotonic() + POLL_TIMEOUT
    for tries in range(1, int(POLL_TIMEOUT / POLL_INTERVAL) + 2):
        try:
            status, _, _ = http_get("http://127.0.0.1:%d/docs" % port, timeout=1.0)
            if status == 200:
                return tries
        except (urllib.error.URLError, ConnectionError, OSError):
            pass
        if time.monotonic() >= deadline:
            break
        time.sleep(POLL_INTERVAL)
    raise BenchError("the server on 127.0.0.1:%d did not answer GET /docs within %d s" % (port, POLL_TIMEOUT))


def check_items(port):
    status, _, body = http_get("http://127.0.0.1:%d%s" % (port, ITEMS_PATH))
    if status != 200 or json.loads(body) != ITEMS_JSON:
        raise BenchError("GET %s answered %d %r" % (ITEMS_PATH, status, body[:200]))


def append(path, line):
    with open(path, "a", encoding="utf-8") as f:
        f.write(line + "\n")


def python_files(project):
    """The files and directories the generated Dockerfile copies, besides the Dockerfile."""
    files = [os.path.join(project, "requirements.txt")]
    dirs = []
    for base, subdirs, names in os.walk(os.path.join(project, "app")):
        subdirs[:] = sorted(d for d in subdirs if d != "__pycache__")
        dirs.append(base)
        files += [os.path.join(base, n) for n in sorted(names) if not n.endswith((".pyc", ".pyo"))]
    return files, dirs


def tar_bound(files, dirs):
    """A minimal ustar archive of these: a 512-byte header per entry, contents padded to 512,
    two 512-byte end blocks, no padding to a 10 KiB record."""
    return sum(512 + -(-os.path.getsize(f) // 512) * 512 for f in files) + 512 * len(dirs) + 1024


def parse_size(text):
    """Docker's HumanSize ("5.12kB", "1.2MB", "512B") to bytes, approximately."""
    m = re.match(r"([\d.]+)\s*([kMG]?B)", text)
    if not m:
        return None
    return round(float(m.group(1)) * {"B": 1, "kB": 1e3, "MB": 1e6, "GB": 1e9}[m.group(2)])


def per_round(samples, keys, fn):
    """The median over rounds of fn(one round's seconds of keys): paired within a round, so that a
    drift of the machine's speed between rounds cancels (a change within a round does not)."""
    return median([fn(*values) for values in zip(*([s.seconds for s in samples[k]] for k in keys))])


def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def fmt_s(v):
    return "n/a" if v is None else "%.2f" % v


def fmt_mib(kb):
    return "n/a" if kb is None else "%.0f" % (kb / 1024)


class Sample:
    """One counted run of one contender."""

    def __init__(self, seconds, rss_kb=None, context=None, bound=None, cpu=None):
        self.seconds, self.rss_kb, self.context, self.bound, self.cpu = seconds, rss_kb, context, bound, cpu


class Bench:
    def __init__(self, args):
        self.args = args
        self.scratch = args.scratch
        self.work = os.path.join(self.scratch, "work")
        self.base_image = os.environ.get("FASTAPI_TEST_BASE_IMAGE", "fastapi-docker-test/python:3.13")
        self.registry = os.environ.get("FASTAPI_TEST_REGISTRY", "127.0.0.1:5555")
        self.registry_user = os.environ.get("FASTAPI_TEST_REGISTRY_USER", "")
        self.registry_password = os.environ.get("FASTAPI_TEST_REGISTRY_PASSWORD", "")
        self.registry_log = os.path.join(
            os.environ.get("FASTAPI_TEST_WORLD_DIR", "/tmp/fastapi-docker-test-world"), "registry.log")
        self.docker_config = os.path.join(self.scratch, "docker-config")
        self.goals = self.plugin_goals(args.plugin_version)
        self.push_goals = self.plugin_goals(args.push_plugin_version) if args.push_plugin_version else set()
        self.images = {  # every tag the benchmark makes
            "plugin": "bench-plugin:" + TAG,
            "cli": "bench-cli:" + TAG,
            "fabric8": "bench-fabric8:" + TAG,
            "push-plugin": "%s/bench-push-plugin:%s" % (self.registry, TAG),
            "push-cli": "%s/bench-push-cli:%s" % (self.registry, TAG),
        }
        self.image_ids = set()
        self.manifest_digests = {}  # repository -> digests seen, deleted at the end
        self.sections = []
        self.targets = []
        self.load_start = os.getloadavg()

    # --- set-up ------------------------------------------------------------------------------

    def plugin_goals(self, version):
        jar = os.path.join(self.args.repo_local, *PLUGIN_GA.split(":")[0].split("."),
                           PLUGIN_GA.split(":")[1], version, "%s-%s.jar" % (PLUGIN_GA.split(":")[1], version))
        with zipfile.ZipFile(jar) as z:
            descriptor = z.read("META-INF/maven/plugin.xml").decode("utf-8")
        return set(re.findall(r"<goal>([^<]+)</goal>", descriptor))

    @property
    def smoke(self):
        return "smoke" in self.goals

    def plugin_pom(self, artifact, image, version, goals):
        with open(os.path.join(BENCH_DIR, "poms", "plugin.pom.xml"), encoding="utf-8") as f:
            pom = f.read()
        return (pom.replace("@@ARTIFACT@@", artifact).replace("@@IMAGE@@", image)
                .replace("@@PLUGIN_VERSION@@", version).replace("@@BASE_IMAGE@@", self.base_image)
                .replace("@@GOALS@@", "\n".join("              <goal>%s</goal>" % g for g in goals))
                .replace("@@SMOKE@@", SMOKE_CONFIGURATION if "smoke" in goals else ""))

    def project(self, name, pom=None):
        path = os.path.join(self.work, name)
        os.makedirs(path)
        if name not in ("floor", "pfloor"):
            shutil.copytree(os.path.join(EXAMPLE, "app"), os.path.join(path, "app"),
                            ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
            shutil.copy(os.path.join(EXAMPLE, "requirements.txt"), path)
        if pom is not None:
            with open(os.path.join(path, "pom.xml"), "w", encoding="utf-8") as f:
                f.write(pom)
        return path

    def prepare(self):
        os.makedirs(self.work)
        main_goals = ["build", "smoke"] if self.smoke else ["build"]
        self.dirs = {
            "plugin": self.project("plugin", self.plugin_pom(
                "bench-plugin", "bench-plugin", self.args.plugin_version, main_goals)),
            "cli": self.project("cli"),
            "fabric8": self.project("fabric8", open(os.path.join(BENCH_DIR, "poms", "fabric8.pom.xml"),
                                                    encoding="utf-8").read().replace("@@IMAGE@@", "bench-fabric8")),
            "floor": self.project("floor", open(os.path.join(BENCH_DIR, "poms", "floor.pom.xml"),
                                                encoding="utf-8").read()),
            "pfloor": self.project("pfloor", open(os.path.join(BENCH_DIR, "poms", "plugin-floor.pom.xml"),
                                                  encoding="utf-8").read()
                                   .replace("@@PLUGIN_VERSION@@", self.args.plugin_version)),
        }
        if self.args.baseline_version:
            self.dirs["baseline"] = self.project("baseline", self.plugin_pom(
                "bench-baseline", "bench-baseline", self.args.baseline_version, main_goals))
            self.images["baseline"] = "bench-baseline:" + TAG
        if not self.args.quick:
            self.dirs["push-plugin"] = self.project("push-plugin", self.plugin_pom(
                "bench-push-plugin", self.images["push-plugin"].rsplit(":", 1)[0],
                self.args.push_plugin_version or self.args.plugin_version, ["build"]))
            self.dirs["push-cli"] = self.project("push-cli")

    def share_dockerfile(self):
        """The CLI and fabric8 build the Dockerfile the plugin generated."""
        generated = os.path.join(self.dirs["plugin"], "target", "fastapi-docker", "Dockerfile")
        for name in ("cli", "fabric8", "push-cli"):
            if name in self.dirs:
                shutil.copy(generated, os.path.join(self.dirs[name], "Dockerfile"))

    # --- the contenders ----------------------------------------------------------------------

    def maven(self, name, args, offline=True, quiet=True, env=None, repo_local=None):
        rss_file = os.path.join(self.scratch, "rss.txt")
        cmd = ["/usr/bin/time", "-f", "%M %U %S", "-o", rss_file, self.args.maven, "-B"]
        cmd += ["-o"] if offline else []
        cmd += ["-q"] if quiet else []
        if repo_local is None:
            cmd += ["-Dmaven.repo.local=" + self.args.repo_local, "-Dmaven.repo.local.tail=" + self.args.repo_tail]
        else:
            cmd += ["-Dmaven.repo.local=" + repo_local]
        result = run(cmd + args, cwd=self.dirs[name], env=env)
        with open(rss_file, encoding="utf-8") as f:
            rss, user, system = f.read().strip().splitlines()[-1].split()
        result.rss_kb, result.cpu = int(rss), float(user) + float(system)
        return result

    def remember_image(self, key):
        r = run(["docker", "image", "inspect", "-f", "{{.Id}}", self.images[key]], check=False)
        if r.rc == 0:
            self.image_ids.add(r.out.strip())

    def plugin_context(self, name):
        d = self.dirs[name]
        tar = os.path.join(d, "target", "fastapi-docker", "context.tar")
        files, dirs = python_files(d)
        files.append(os.path.join(d, "target", "fastapi-docker", "Dockerfile"))
        return os.path.getsize(tar), tar_bound(files, dirs)

    def run_plugin(self, change, offline=True, extra=(), name="plugin"):
        if change:
            append(*change)
        r = self.maven(name, ["package"] + list(extra), offline=offline)
        self.remember_image(name)
        context, bound = self.plugin_context(name)
        return Sample(r.seconds, r.rss_kb, context, bound, r.cpu)

    def run_cli(self, change, container, no_cache=False, dirname="cli", image_key="cli"):
        d = self.dirs[dirname]
        append(*change)
        env = dict(os.environ, DOCKER_BUILDKIT="0")
        start = time.monotonic()
        build = run(["docker", "build"] + (["--no-cache"] if no_cache else []) + ["-t", self.images[image_key], "."],
                    cwd=d, env=env)
        port = free_port()
        cid = run(["docker", "run", "-d", "--network", "host", "--name", container, self.images[image_key],
                   "fastapi", "run", "app/main.py", "--host", "127.0.0.1", "--port", str(port)]).out.strip()
        try:
            wait_until_ready(port)
            check_items(port)
        finally:
            run(["docker", "stop", cid])
            run(["docker", "rm", cid])
        seconds = time.monotonic() - start
        self.remember_image(image_key)
        m = re.search(r"Sending build context to Docker daemon\s+(\S+)", build.out)
        return Sample(seconds, context=parse_size(m.group(1)) if m else None)

    def run_fabric8(self, change, offline=True):
        append(*change)
        r = self.maven("fabric8", ["package", "-Dbench.port=%d" % free_port()], offline=offline,
                       repo_local=None if offline else self.args.repo_tail)
        self.remember_image("fabric8")
        tars = glob.glob(os.path.join(self.dirs["fabric8"], "target", "docker", "**", "docker-build.tar"),
                         recursive=True)
        return Sample(r.seconds, r.rss_kb, os.path.getsize(tars[0]) if tars else None, cpu=r.cpu)

    def run_floor(self, offline=True, name="floor"):
        r = self.maven(name, ["package"], offline=offline)
        return Sample(r.seconds, r.rss_kb, cpu=r.cpu)

    def app_change(self, name, scenario, n):
        return (os.path.join(self.dirs[name], "app", "main.py"), "# bench %s %s %d" % (name, scenario, n))

    def requirements_change(self, name, n):
        return (os.path.join(self.dirs[name], "requirements.txt"), "# bench %s requirements %d" % (name, n))

    # --- scenarios ---------------------------------------------------------------------------

    def alternate(self, title, contenders, runs):
        """Runs contenders A B C ... A B C ..., runs rounds; returns {key: [Sample]}."""
        samples = {key: [] for key, _ in contenders}
        for n in range(1, runs + 1):
            for key, fn in contenders:
                s = fn(n)
                samples[key].append(s)
                log("%s, run %d/%d: %-8s %6.2f s%s" % (title, n, runs, key, s.seconds,
                                                        "" if s.rss_kb is None else ", peak RSS %s MiB" % fmt_mib(s.rss_kb)))
        return samples

    def warm_up(self):
        log("warm-up (uncounted; online Maven, fabric8 resolved into %s)" % self.args.repo_tail)
        self.run_plugin(self.app_change("plugin", "warmup", 0), offline=False)
        self.share_dockerfile()
        self.run_cli(self.app_change("cli", "warmup", 0), "bench-cli-warmup")
        self.run_fabric8(self.app_change("fabric8", "warmup", 0), offline=False)
        self.run_floor(offline=False)
        self.run_floor(name="pfloor")
        if "baseline" in self.dirs:
            self.run_plugin(self.app_change("baseline", "warmup", 0), name="baseline")

    def main_scenario(self, runs):
        label = "this plugin (build + smoke)" if self.smoke else "this plugin (BUILD ONLY: no smoke goal)"
        samples = self.alternate("app-only", [
            ("plugin", lambda n: self.run_plugin(self.app_change("plugin", "app", n))),
            ("cli", lambda n: self.run_cli(self.app_change("cli", "app", n), "bench-cli-app-%d" % n)),
            ("fabric8", lambda n: self.run_fabric8(self.app_change("fabric8", "app", n))),
            ("floor", lambda n: self.run_floor()),
            ("pfloor", lambda n: self.run_floor(name="pfloor")),
        ] + ([("baseline", lambda n: self.run_plugin(self.app_change("baseline", "app", n), name="baseline"))]
             if "baseline" in self.dirs else []), runs)
        self.main = samples
        names = {
            "plugin": label,
            "cli": "docker CLI by hand (build, run, poll, GET, stop, rm)",
            "fabric8": "fabric8 docker-maven-plugin 0.49.0 (build, start + HTTP wait, stop)",
            "floor": "empty `mvn -o package` (the Maven floor)",
            "pfloor": "`mvn -o package` running only this plugin's `help` goal (the plugin floor)",
            "baseline": "the plugin before this change (build + smoke): %s" % self.args.baseline_label,
        }
        rows = ["| contender | median s | min s | max s | CPU s (median) | peak RSS MiB (median) | context bytes sent |",
                "|---|---:|---:|---:|---:|---:|---:|"]
        for key in [k for k in ("plugin", "cli", "fabric8", "floor", "pfloor", "baseline") if k in samples]:
            ss = samples[key]
            secs = [s.seconds for s in ss]
            ctx = ss[-1].context
            rows.append("| %s | %s | %s | %s | %s | %s | %s |" % (
                names[key], fmt_s(median(secs)), fmt_s(min(secs)), fmt_s(max(secs)),
                fmt_s(median([s.cpu for s in ss])), fmt_mib(median([s.rss_kb for s in ss])),
                "n/a" if ctx is None else ("~%d" % ctx if key == "cli" else "%d" % ctx)))
        self.section("App-only change: rebuild + run + probe + stop (%d counted runs, alternating)" % runs, rows + [
            "",
            "Each contender appends its own `# bench <contender> app <run>` line to its own copy of "
            "`app/main.py` before each run, so nobody gets a layer-cache hit another paid for. The "
            "plugin and the CLI probe `GET /docs` until 200, then `GET %s` (JSON checked); fabric8 "
            "waits for `GET /docs` 200 only. Context: the plugin's `target/fastapi-docker/context.tar`, "
            "the CLI's \"Sending build context\" figure (rounded by docker), fabric8's "
            "`docker-build.tar`. CPU: user + system seconds of the Maven process (GNU time), which "
            "other work on the machine changes less than wall time; the CLI's work happens in the "
            "engine and the container, so it has none. The plugin floor is what Maven spends before any "
            "goal of this plugin does its own work: reading its descriptor, resolving its dependencies "
            "into a class realm, making one mojo." % ITEMS_PATH,
            "",
            "Per run (s): " + "; ".join("%s %s" % (k, " ".join(fmt_s(s.seconds) for s in samples[k]))
                                        for k in ("plugin", "cli", "fabric8", "floor", "pfloor", "baseline")
                                        if k in samples),
        ])

        med = {k: median([s.seconds for s in v]) for k, v in samples.items()}
        self.main_medians = med
        overhead = med["plugin"] - med["floor"] - med["cli"]
        self.target("app-only loop: overhead (plugin - floor - CLI) <= 0.4 x CLI",
                    "%.2f - %.2f - %.2f = %.2f s = %.2f x CLI (of it: loading the plugin, plugin floor - floor, "
                    "%.2f s; the rest, plugin - plugin floor - CLI, %.2f s)" % (
                        med["plugin"], med["floor"], med["cli"], overhead, overhead / med["cli"],
                        med["pfloor"] - med["floor"], med["plugin"] - med["pfloor"] - med["cli"]),
                    overhead <= 0.4 * med["cli"])
        self.target("app-only loop, for comparison: the overhead paired by round (median of each round's "
                    "(plugin - floor - CLI) / CLI)", "%.2f x CLI" % per_round(
                        samples, ("plugin", "floor", "cli"), lambda p, f, c: (p - f - c) / c), None)
        ratio = med["plugin"] / med["fabric8"]
        self.target("app-only loop: plugin <= 0.7 x fabric8", "%.2f s / %.2f s = %.2f x" % (
            med["plugin"], med["fabric8"], ratio), ratio <= 0.7)
        fabric8_overhead = med["fabric8"] - med["floor"] - med["cli"]
        self.target("app-only loop, for comparison: fabric8's overhead (fabric8 - floor - CLI)",
                    "%.2f s = %.2f x CLI" % (fabric8_overhead, fabric8_overhead / med["cli"]), None)
        if "baseline" in med:
            before = med["baseline"] - med["floor"] - med["cli"]
            self.target("app-only loop, for comparison: the plugin before this change, its overhead",
                        "%.2f s = %.2f x CLI (now %.2f s: %+.2f s)" % (
                            before, before / med["cli"], overhead, overhead - before), None)
        worst = max(samples["plugin"], key=lambda s: s.context - s.bound)
        self.target("context bytes: plugin <= the files the Dockerfile copies (as a minimal tar)",
                    "%d bytes sent, bound %d bytes (largest excess over all runs: %+d)" % (
                        worst.context, worst.bound, worst.context - worst.bound),
                    all(s.context <= s.bound for s in samples["plugin"]))
        rp, rf = median([s.rss_kb for s in samples["plugin"]]), median([s.rss_kb for s in samples["fabric8"]])
        self.target("peak RSS of the Maven process: plugin <= fabric8", "%s MiB vs %s MiB (%.2f x)" % (
            fmt_mib(rp), fmt_mib(rf), rp / rf), rp <= rf)

    def no_change_scenario(self, runs):
        samples = self.alternate("no-change", [
            ("plugin", lambda n: self.run_plugin(None)),
            ("floor", lambda n: self.run_floor()),
        ] + ([("baseline", lambda n: self.run_plugin(None, name="baseline"))] if "baseline" in self.dirs else []),
            runs)
        mp, mf = (median([s.seconds for s in samples[k]]) for k in ("plugin", "floor"))
        self.scenario_rows("No-change `mvn -o package` of the plugin project", samples, {
            "plugin": "this plugin, nothing changed", "floor": "empty `mvn -o package`",
            "baseline": "the plugin before this change, nothing changed"})
        self.target("no-change `mvn package` <= floor + 0.35 s", "%.2f s - %.2f s = %+.2f s" % (mp, mf, mp - mf),
                    mp - mf <= 0.35)
        self.target("no-change, for comparison: paired by round (median of each round's plugin - floor)",
                    "%+.2f s" % per_round(samples, ("plugin", "floor"), lambda p, f: p - f), None)

    def requirements_scenario(self, runs):
        samples = self.alternate("requirements", [
            ("plugin", lambda n: self.run_plugin(self.requirements_change("plugin", n))),
            ("cli", lambda n: self.run_cli(self.requirements_change("cli", n), "bench-cli-req-%d" % n)),
            ("floor", lambda n: self.run_floor()),
        ], runs)
        self.scenario_rows("Requirements change (a comment line appended): rebuild incl. `pip install` + run + "
                           "probe + stop", samples, {"plugin": "this plugin", "cli": "docker CLI by hand",
                                                     "floor": FLOOR_IN_ROUNDS})
        self.floor_target("requirements change", samples)

    def floor_target(self, what, samples):
        """plugin - floor <= 1.2 x CLI, with the Maven floor measured in the same rounds (the machine's
        speed drifts over minutes: a floor from the main scenario, minutes earlier, moved the ratio by
        0.15 between two runs of the same sources)."""
        mp, mc = (median([s.seconds for s in samples[k]]) for k in ("plugin", "cli"))
        floor = median([s.seconds for s in samples["floor"]])
        ratio = (mp - floor) / mc
        self.target("%s: (plugin - floor) <= 1.2 x CLI" % what, "(%.2f - %.2f) s / %.2f s = %.2f x" % (
            mp, floor, mc, ratio), ratio <= 1.2)
        self.target("%s, for comparison: paired by round (median of each round's (plugin - floor) / CLI)" % what,
                    "%.2f x" % per_round(samples, ("plugin", "floor", "cli"), lambda p, f, c: (p - f) / c), None)

    def cold_scenario(self, runs):
        samples = self.alternate("cold", [
            ("plugin", lambda n: self.run_plugin(self.app_change("plugin", "cold", n),
                                                 extra=["-Dfastapi.build.noCache=true"])),
            ("cli", lambda n: self.run_cli(self.app_change("cli", "cold", n), "bench-cli-cold-%d" % n,
                                           no_cache=True)),
            ("floor", lambda n: self.run_floor()),
        ], runs)
        self.scenario_rows("Cold build (no layer cache: `-Dfastapi.build.noCache=true` vs `docker build "
                           "--no-cache`) + run + probe + stop", samples,
                           {"plugin": "this plugin", "cli": "docker CLI by hand", "floor": FLOOR_IN_ROUNDS}, note=(
                               "The base image is local and `pip install` is offline here (`PIP_NO_INDEX=1`, "
                               "everything already satisfied), so this measures the builder, not PyPI."))
        self.floor_target("cold build", samples)

    # What a user can add in .mvn/jvm.config (issue 13): C1 only, and an application class-data
    # archive (AppCDS) of JDK 17, trained once per project with -XX:ArchiveClassesAtExit.
    JVM_CONFIGS = [
        ("default", ""),
        ("C1 only", "-XX:TieredStopAtLevel=1"),
        ("AppCDS", "-XX:SharedArchiveFile=@@JSA@@"),
        ("C1 + AppCDS", "-XX:TieredStopAtLevel=1 -XX:SharedArchiveFile=@@JSA@@"),
    ]

    def jvm_config(self, name, flags):
        """Writes (or, for no flags, removes) the project's .mvn/jvm.config."""
        path = os.path.join(self.dirs[name], ".mvn", "jvm.config")
        if not flags:
            if os.path.exists(path):
                os.remove(path)
            return
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write(flags.replace("@@JSA@@", os.path.join(self.scratch, "%s.jsa" % name)) + "\n")

    def jvm_run(self, name, flags, n):
        self.jvm_config(name, flags)
        try:
            if name == "plugin":
                return self.run_plugin(self.app_change("plugin", "jvm", n))
            return self.run_floor()
        finally:
            self.jvm_config(name, "")

    def jvm_flags_scenario(self, runs):
        for name in ("plugin", "floor"):  # one training run each, uncounted
            self.jvm_config(name, "-XX:ArchiveClassesAtExit=" + os.path.join(self.scratch, "%s.jsa" % name))
            try:
                if name == "plugin":
                    self.run_plugin(self.app_change("plugin", "jvm-train", 0))
                else:
                    self.run_floor()
            finally:
                self.jvm_config(name, "")
        contenders = []
        for label, flags in self.JVM_CONFIGS:
            for name in ("plugin", "floor"):
                contenders.append(((label, name), lambda n, name=name, flags=flags: self.jvm_run(name, flags, n)))
        samples = self.alternate("jvm flags", contenders, runs)
        cli = self.main_medians["cli"]
        rows = ["| `.mvn/jvm.config` | plugin median s | floor median s | plugin - floor s | overhead "
                "(plugin - floor - CLI) s | plugin CPU s | floor CPU s |", "|---|---:|---:|---:|---:|---:|---:|"]
        for label, flags in self.JVM_CONFIGS:
            p, f = samples[(label, "plugin")], samples[(label, "floor")]
            mp, mf = median([x.seconds for x in p]), median([x.seconds for x in f])
            rows.append("| %s%s | %s | %s | %s | %s | %s | %s |" % (
                label, "" if not flags else " (`%s`)" % flags.replace("@@JSA@@", "PROJECT.jsa"),
                fmt_s(mp), fmt_s(mf), fmt_s(mp - mf), fmt_s(mp - mf - cli),
                fmt_s(median([x.cpu for x in p])), fmt_s(median([x.cpu for x in f]))))
        self.section("What a user can add: JVM flags in `.mvn/jvm.config` (%d counted runs each, alternating)"
                     % runs, rows + [
                         "",
                         "The app-only loop of the plugin and the Maven floor, each with the project's own "
                         "`.mvn/jvm.config`. The CLI time in the overhead column is the main scenario's "
                         "(%.2f s). AppCDS: JDK 17 writes the archive in one training run with "
                         "`-XX:ArchiveClassesAtExit=PROJECT.jsa` (done once per project before the counted "
                         "runs, uncounted), and reads it with `-XX:SharedArchiveFile`; the archive is only "
                         "valid for the same JDK and Maven class path, and a stale one is ignored with a "
                         "warning. `-XX:TieredStopAtLevel=1` gives up the optimising compiler, which a "
                         "build of a few seconds hardly reaches." % cli])

    def scenario_rows(self, title, samples, names, note=None):
        rows = ["| contender | median s | min s | max s | CPU s (median) | peak RSS MiB (median) |",
                "|---|---:|---:|---:|---:|---:|"]
        for key, ss in samples.items():
            secs = [s.seconds for s in ss]
            rows.append("| %s | %s | %s | %s | %s | %s |" % (
                names[key], fmt_s(median(secs)), fmt_s(min(secs)), fmt_s(max(secs)),
                fmt_s(median([s.cpu for s in ss])), fmt_mib(median([s.rss_kb for s in ss]))))
        keys = list(samples)
        if len(keys) == 2 or keys == ["plugin", "cli", "floor"]:
            a, b = (median([s.seconds for s in samples[k]]) for k in keys[:2])
            rows += ["", "Ratio %s / %s: %.2f x." % (keys[0], keys[1], a / b)]
        if note:
            rows += ["", note]
        rows += ["", "Per run (s): " + "; ".join("%s %s" % (k, " ".join(fmt_s(s.seconds) for s in ss))
                                                 for k, ss in samples.items())]
        self.section(title, rows)

    # --- push --------------------------------------------------------------------------------

    def registry_get(self, path, method="GET"):
        auth = base64.b64encode(("%s:%s" % (self.registry_user, self.registry_password)).encode()).decode()
        headers = {"Authorization": "Basic " + auth, "Accept": ", ".join([
            "application/vnd.docker.distribution.manifest.v2+json",
            "application/vnd.oci.image.manifest.v1+json"])}
        return http_get("http://%s/v2/%s" % (self.registry, path), timeout=10.0, headers=headers, method=method)

    def manifest(self, repository):
        try:
            _, headers, body = self.registry_get("%s/manifests/%s" % (repository, TAG))
        except urllib.error.HTTPError as e:
            if e.code == 404:
                return None
            raise
        manifest = json.loads(body)
        digest = headers.get("Docker-Content-Digest")
        if digest:
            self.manifest_digests.setdefault(repository, set()).add(digest)
        return manifest

    def registry_log_offset(self):
        try:
            return os.path.getsize(self.registry_log)
        except OSError:
            return None

    def registry_uploads(self, repository, offset):
        """Blob uploads the registry completed for the repository since offset (its access log)."""
        if offset is None:
            return None
        try:
            with open(self.registry_log, "rb") as f:
                f.seek(offset)
                text = f.read().decode("utf-8", "replace")
        except OSError:
            return None
        pattern = r'"PUT /v2/%s/blobs/uploads/\S*digest=sha256(?:%%3A|:)([0-9a-f]{64}) HTTP/[\d.]+" 201' % re.escape(
            repository)
        return {"sha256:" + d for d in re.findall(pattern, text)}

    def docker_login(self):
        os.makedirs(self.docker_config, mode=0o700)
        run(["docker", "--config", self.docker_config, "login", self.registry, "-u", self.registry_user,
             "--password-stdin"], stdin=self.registry_password)

    def build_push_plugin(self, change, offline=True):
        append(*change)
        self.maven("push-plugin", ["package"], offline=offline)
        self.remember_image("push-plugin")

    def build_push_cli(self, change):
        append(*change)
        run(["docker", "build", "-t", self.images["push-cli"], "."], cwd=self.dirs["push-cli"],
            env=dict(os.environ, DOCKER_BUILDKIT="0"))
        self.remember_image("push-cli")

    def push_plugin(self, offline=True):
        version = self.args.push_plugin_version or self.args.plugin_version
        return self.maven("push-plugin", [
            "%s:%s:push" % (PLUGIN_GA, version),
            "-Dfastapi.registry.username=" + self.registry_user,
            "-Dfastapi.registry.password=" + self.registry_password], offline=offline, quiet=False)

    def push_cli(self):
        return run(["docker", "--config", self.docker_config, "push", self.images["push-cli"]])

    def measured_push(self, key, n):
        repository = self.images[key].split("/", 1)[1].rsplit(":", 1)[0]
        if key == "push-plugin":
            self.build_push_plugin(self.app_change("push-plugin", "push", n))
        else:
            self.build_push_cli(self.app_change("push-cli", "push", n))
        before = self.manifest(repository)
        offset = self.registry_log_offset()
        r = self.push_plugin() if key == "push-plugin" else self.push_cli()
        after = self.manifest(repository)
        old = {layer["digest"] for layer in before["layers"]}
        new = [layer for layer in after["layers"] if layer["digest"] not in old]
        uploads = self.registry_uploads(repository, offset)
        config_new = after["config"]["digest"] != before["config"]["digest"]
        s = Sample(r.seconds, getattr(r, "rss_kb", None), cpu=getattr(r, "cpu", None))
        s.layers, s.new_layers = len(after["layers"]), len(new)
        s.new_bytes = sum(layer["size"] for layer in new)
        s.config_bytes = after["config"]["size"] if config_new else 0
        s.uploads = None if uploads is None else len(uploads)
        s.upload_bytes = None if uploads is None else sum(
            b["size"] for b in after["layers"] + [after["config"]] if b["digest"] in uploads)
        s.last_layer_new = bool(new) and new[-1]["digest"] == after["layers"][-1]["digest"]
        return s

    def push_scenario(self, runs):
        title = "Push after an app-only change (`push` goal vs `docker push`, same registry)"
        if "push" not in self.push_goals and "push" not in self.goals:
            self.section(title, [
                "SKIPPED: the plugin under test has no `push` goal yet (it is being written on branch `push`). "
                "Run `bench/run.sh --push-plugin-src DIR` with a tree that has it."])
            self.target("push after an app-only change uploads only the changed layer",
                        "not measured: no `push` goal in the plugin under test", None)
            return
        log("push warm-up: first push of each repository (uploads the base layers, uncounted)")
        self.docker_login()
        self.build_push_plugin(self.app_change("push-plugin", "push", 0))
        shutil.copy(os.path.join(self.dirs["push-plugin"], "target", "fastapi-docker", "Dockerfile"),
                    os.path.join(self.dirs["push-cli"], "Dockerfile"))
        self.push_plugin()
        self.build_push_cli(self.app_change("push-cli", "push", 0))
        self.push_cli()
        samples = self.alternate("push", [
            ("plugin", lambda n: self.measured_push("push-plugin", n)),
            ("cli", lambda n: self.measured_push("push-cli", n)),
        ], runs)
        rows = ["| contender | median s | layers in image | new layers (registry manifest) | new layer bytes | "
                "new config bytes | blobs uploaded (registry log) | bytes of those |",
                "|---|---:|---:|---:|---:|---:|---:|---:|"]
        names = {"plugin": "this plugin, `mvn -o fastapi-docker:push`", "cli": "`docker push`"}
        for key, ss in samples.items():
            last = ss[-1]
            rows.append("| %s | %s | %d | %s | %s | %s | %s | %s |" % (
                names[key], fmt_s(median([s.seconds for s in ss])), last.layers,
                "/".join(str(s.new_layers) for s in ss), "/".join(str(s.new_bytes) for s in ss),
                "/".join(str(s.config_bytes) for s in ss),
                "/".join("n/a" if s.uploads is None else str(s.uploads) for s in ss),
                "/".join("n/a" if s.upload_bytes is None else str(s.upload_bytes) for s in ss)))
        rows += ["", "Per-run values are separated by `/`. New layers: layer digests in the manifest after "
                 "the push that were not in the manifest before it; sizes are the compressed sizes the "
                 "manifest states. Blobs uploaded: `PUT .../blobs/uploads/...?digest=` answered 201 in the "
                 "registry's access log during the push (layers and the image config; a mount or an "
                 "\"already exists\" is not an upload). The plugin's time includes Maven start-up."]
        self.section(title, rows)
        ok = all(s.new_layers == 1 and s.last_layer_new and (s.uploads is None or s.uploads <= 2)
                 for s in samples["plugin"])
        self.target("push after an app-only change uploads only the changed layer",
                    "new layers per run: %s (the last, `COPY ./app`); blobs uploaded per run: %s "
                    "(layer + config)" % ("/".join(str(s.new_layers) for s in samples["plugin"]),
                                          "/".join("n/a" if s.uploads is None else str(s.uploads)
                                                   for s in samples["plugin"])), ok)

    # --- where the time goes -----------------------------------------------------------------

    TIMELINE = [
        ("maven", r"Scanning for projects"),
        ("build", r"--- fastapi-docker:\S+:build "),
        ("engine", r"Building \S+ on "),
        ("built", r"Built image "),
        ("smoke", r"--- fastapi-docker:\S+:smoke "),
        ("smoked", r"Smoke test of .* passed"),
        ("total", r"Total time:"),
    ]
    PHASES = {
        ("launch", "maven"): "JVM and Maven start-up",
        ("maven", "build"): "project model, plugin resolution",
        ("build", "engine"): "build goal: plugin realm, configuration, Docker client, ping, context tar",
        ("engine", "built"): "engine build (classic builder, streamed)",
        ("built", "smoke"): "build goal: inspect, tag, record, summary",
        ("smoke", "smoked"): "smoke goal: client, container create + start, ready, probes, stop, remove",
        ("smoked", "total"): "smoke report, Maven's end of build",
        ("maven", "total"): "the build itself (nothing to do)",
        ("total", "exit"): "JVM exit",
    }

    def timeline(self, name):
        """One run with Maven's log timestamps; returns [(event, seconds since launch)]."""
        env = dict(os.environ)
        env["MAVEN_OPTS"] = (env.get("MAVEN_OPTS", "") + " -Dorg.slf4j.simpleLogger.showDateTime=true"
                             " -Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS").strip()
        launch = time.time()
        r = self.maven(name, ["package"], quiet=False, env=env)
        end = time.time()
        if name == "plugin":
            self.remember_image("plugin")
        day = datetime.datetime.fromtimestamp(launch).replace(hour=0, minute=0, second=0, microsecond=0).timestamp()
        events = {}
        for line in r.out.splitlines():
            m = re.match(r"(\d\d):(\d\d):(\d\d)\.(\d{3}) \[\w+\] (.*)", line)
            if not m:
                continue
            t = day + int(m.group(1)) * 3600 + int(m.group(2)) * 60 + int(m.group(3)) + int(m.group(4)) / 1000
            if t < launch - 3600:  # past midnight
                t += 86400
            for key, pattern in self.TIMELINE:
                if key not in events and re.search(pattern, m.group(5)):
                    events[key] = t - launch
        return [("launch", 0.0)] + [(k, events[k]) for k, _ in self.TIMELINE if k in events] + [("exit", end - launch)]

    def phase_timing(self):
        """One extra plugin run and one floor run with timestamps (a timeline), and one plugin run
        with -X for the plugin's own timing: lines."""
        append(*self.app_change("plugin", "timeline", 1))
        plugin = self.timeline("plugin")
        fl = self.timeline("floor")
        floor = {(a, b): tb - ta for (a, ta), (b, tb) in zip(fl, fl[1:])}
        rows = ["| phase | plugin ms | floor ms |", "|---|---:|---:|"]
        for (a, ta), (b, tb) in zip(plugin, plugin[1:]):
            f = floor.get((a, b))
            rows.append("| %s | %d | %s |" % (self.PHASES.get((a, b), "%s -> %s" % (a, b)), round((tb - ta) * 1000),
                                              "" if f is None else round(f * 1000)))
        rows.append("| **total (wall)** | **%d** | **%d** |" % (round(plugin[-1][1] * 1000),
                                                               round(fl[-1][1] * 1000)))

        append(*self.app_change("plugin", "debug", 1))
        x = self.maven("plugin", ["-X", "package"], quiet=False)
        self.remember_image("plugin")
        timing = [re.sub(r"^\[DEBUG\]\s*", "", line.strip()) for line in x.out.splitlines() if "timing:" in line]
        rows += ["", "A timeline of one extra plugin run (app-only change) and one floor run, from Maven's log "
                 "timestamps (`-Dorg.slf4j.simpleLogger.showDateTime`); launch and exit as the benchmark saw them. "
                 "Then the plugin's own `timing:` lines from one more run with `-X` (debug logging of every HTTP "
                 "exchange slows that run down: %.2f s):" % x.seconds, ""]
        rows += ["    " + t for t in timing] if timing else ["    (the plugin logs no `timing:` lines)"]
        if "baseline" in self.dirs:
            append(*self.app_change("baseline", "debug", 1))
            xb = self.maven("baseline", ["-X", "package"], quiet=False)
            self.remember_image("baseline")
            timing = [re.sub(r"^\[DEBUG\]\s*", "", line.strip()) for line in xb.out.splitlines() if "timing:" in line]
            rows += ["", "The same for the plugin before this change (%.2f s with `-X`):" % xb.seconds, ""]
            rows += ["    " + t for t in timing] if timing else ["    (no `timing:` lines)"]

        append(*self.app_change("plugin", "classes", 1))
        plugin_cpu, plugin_classes = self.class_loads("plugin")
        floor_cpu, floor_classes = self.class_loads("floor")
        extra = collections.Counter(plugin_classes)
        extra.subtract(floor_classes)
        rows += ["", "Classes the JVM loads (`-Xlog:class+load`, one more plugin run and one floor run): %d against "
                 "%d, CPU %.2f s against %.2f s. Where the %d extra classes come from (by jar, or JDK module):" % (
                     sum(plugin_classes.values()), sum(floor_classes.values()), plugin_cpu, floor_cpu,
                     sum(plugin_classes.values()) - sum(floor_classes.values())), "",
                 "| source | extra classes |", "|---|---:|"]
        rows += ["| %s | %d |" % (k, v) for k, v in extra.most_common(12) if v > 0]
        self.section("Where the plugin's time goes", rows)

    def class_loads(self, name):
        """One run with -Xlog:class+load; returns CPU seconds and a Counter of classes by source."""
        path = os.path.join(self.scratch, "classes-%s.log" % name)
        env = dict(os.environ)
        env["MAVEN_OPTS"] = (env.get("MAVEN_OPTS", "") + " -Xlog:class+load=info:file=" + path).strip()
        r = self.maven(name, ["package"], env=env)
        if name == "plugin":
            self.remember_image("plugin")
        counts = collections.Counter()
        with open(path, encoding="utf-8", errors="replace") as f:
            for line in f:
                m = re.search(r"\] (\S+) source: (.*)$", line)
                if not m:
                    continue
                source = m.group(2)
                if source.startswith("jrt:/"):
                    key = "JDK " + source[5:]
                elif source == "shared objects file":
                    key = "JDK (class data sharing archive)"
                elif ".jar" in source:
                    key = re.sub(r"-\d[\w.\-]*\.jar$", "", os.path.basename(source.split(".jar")[0] + ".jar"))
                else:
                    key = "generated at run time (lambdas, proxies)"
                counts[key] += 1
        return r.cpu, counts

    # --- report ------------------------------------------------------------------------------

    def section(self, title, rows):
        self.sections.append("## %s\n\n%s\n" % (title, "\n".join(rows)))

    def target(self, name, value, met):
        self.targets.append((name, value, met))

    def machine(self):
        def first_line(cmd):
            r = run(cmd, check=False)
            return (r.out.strip() or r.err.strip()).splitlines()[0] if (r.out.strip() or r.err.strip()) else "n/a"

        mem_kb = next(int(line.split()[1]) for line in open("/proc/meminfo") if line.startswith("MemTotal:"))
        cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")),
                   platform.processor() or "n/a")
        java = first_line(["java", "-version"])
        return [
            "- date: %s" % datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
            "- CPUs: %d (`nproc`), %s" % (os.cpu_count(), cpu),
            "- memory: %.1f GiB" % (mem_kb / 1024 / 1024),
            "- kernel: %s (%s)" % (platform.release(), first_line(["sh", "-c", ". /etc/os-release; echo $PRETTY_NAME"])),
            "- Docker engine: %s (classic builder; started with `--bridge=none`, containers on the host network)"
            % first_line(["docker", "version", "--format", "{{.Server.Version}}"]),
            "- Java: %s" % java,
            "- Maven: %s" % first_line([self.args.maven, "-v"]).replace("\x1b[1m", "").replace("\x1b[m", ""),
            "- load average (1 min) at start / end: %.2f / %.2f (other work on the machine adds noise)" % (
                self.load_start[0], os.getloadavg()[0]),
        ]

    def report(self):
        status = lambda met: "n/a" if met is None else ("met" if met else "**NOT met**")  # noqa: E731
        targets = ["| target | measured | status |", "|---|---|---|"]
        targets += ["| %s | %s | %s |" % (n, v, status(m)) for n, v, m in self.targets]
        plugin = ["- plugin under test: %s, goals %s%s" % (
            self.args.plugin_label, ", ".join(sorted(self.goals - {"help"})),
            "" if self.smoke else " (no smoke goal: the plugin row is BUILD ONLY and not comparable)")]
        if self.args.push_plugin_version:
            plugin.append("- push scenario: %s, goals %s" % (self.args.push_plugin_label,
                                                              ", ".join(sorted(self.push_goals - {"help"}))))
        command = "bench/run.sh" + (" --quick" if self.args.quick else " --runs %d" % self.args.runs)
        text = "\n".join([
            "# Benchmark: the inner loop (issues 5 and 13)",
            "",
            "Written by `%s`. Medians of alternating runs; every ratio comes from this one "
            "invocation. Times are wall clock of the whole command (Maven runs include JVM start-up); "
            "peak RSS is GNU time's `%%M` of the Maven process." % command,
            "",
            "## Targets",
            "",
            "\n".join(targets),
            "",
            "## Machine",
            "",
            "\n".join(self.machine() + plugin),
            "",
        ] + self.sections)
        return text

    def cleanup(self):
        log("clean-up: bench-* containers and images, pushed manifests")
        refs = set(self.images.values()) | self.image_ids
        containers = set()
        for ref in refs:
            r = run(["docker", "ps", "-aq", "--filter", "ancestor=" + ref], check=False)
            containers.update(r.out.split())
        r = run(["docker", "ps", "-a", "--format", "{{.ID}} {{.Names}}"], check=False)
        containers.update(line.split()[0] for line in r.out.splitlines() if line.split()[1:2] and
                          line.split()[1].startswith("bench-"))
        if containers:
            run(["docker", "rm", "-f"] + sorted(containers), check=False)
        for ref in self.images.values():
            run(["docker", "rmi", ref], check=False)
        for image_id in self.image_ids:
            r = run(["docker", "image", "inspect", "-f", "{{json .RepoTags}}", image_id], check=False)
            if r.rc == 0 and all(t.split("/")[-1].startswith("bench-") for t in json.loads(r.out) or []):
                run(["docker", "rmi", image_id], check=False)
        for repository, digests in self.manifest_digests.items():
            for digest in digests:
                try:
                    self.registry_get("%s/manifests/%s" % (repository, digest), method="DELETE")
                except (urllib.error.URLError, OSError):
                    pass

    def wait_for_quiet(self):
        """With --max-load: waits (at most 10 minutes, checking every 5 s) for the 1-minute load
        average to drop to the limit, so that other work on a shared machine adds less noise."""
        limit = self.args.max_load
        for _ in range(121):
            load = os.getloadavg()[0]
            if load <= limit:
                log("load average %.2f <= %.2f, starting" % (load, limit))
                return
            log("load average %.2f > %.2f, waiting" % (load, limit))
            time.sleep(5)
        log("the load stayed above %.2f for 10 minutes; starting anyway" % limit)

    def main_run(self):
        self.prepare()
        if self.args.max_load is not None:
            self.wait_for_quiet()
            self.load_start = os.getloadavg()
        self.warm_up()
        runs = 1 if self.args.quick else self.args.runs
        self.main_scenario(runs)
        if not self.args.quick:
            self.no_change_scenario(runs)
            self.requirements_scenario(runs)
            self.cold_scenario(runs)
            self.push_scenario(runs)
            self.jvm_flags_scenario(min(runs, 3))
            self.phase_timing()
        else:
            self.target("no-change `mvn package` <= floor + 0.35 s", "not measured (--quick)", None)
            self.target("push after an app-only change uploads only the changed layer", "not measured (--quick)",
                        None)
        return self.report()


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--scratch", required=True)
    p.add_argument("--maven", required=True)
    p.add_argument("--repo-local", required=True)
    p.add_argument("--repo-tail", required=True)
    p.add_argument("--plugin-version", required=True)
    p.add_argument("--plugin-label", default="")
    p.add_argument("--push-plugin-version")
    p.add_argument("--push-plugin-label", default="")
    p.add_argument("--baseline-version")
    p.add_argument("--baseline-label", default="")
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--quick", action="store_true")
    p.add_argument("--max-load", type=float)
    p.add_argument("--out", required=True)
    args = p.parse_args()
    bench = Bench(args)
    try:
        text = bench.main_run()
    except BenchError as e:
        log("FAILED: %s" % e)
        return 1
    finally:
        bench.cleanup()
    with open(args.out, "w", encoding="utf-8") as f:
        f.write(text)
    print(text)
    log("written to %s" % args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
