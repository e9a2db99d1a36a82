#!/usr/bin/env bash
# The integration-test world of fastapi-docker-maven-plugin: a Docker engine,
# a local FastAPI-ready base image, a password-protected local registry and a
# package index (PEP 503, one open and one with basic auth) of test-only wheels.
#
# The test machines reach Debian's archive and Maven Central but neither Docker
# Hub nor PyPI, and nothing may leave loopback. So the engine runs without a
# bridge or iptables (containers use host networking), the base image is made
# from Debian packages with debootstrap, and the registry listens on 127.0.0.1
# (which the engine treats as insecure, so plain HTTP push works).
#
# Usage: scripts/test-world.sh COMMAND
#   up               start or reuse everything; write ${STATE_DIR}/env (idempotent)
#   down [PART...]   stop what `up` started (PART: registry, index, engine;
#                    default all)
#   registry-start   start (or reuse) only the registry
#   registry-stop    stop only the registry (for "registry unreachable" tests)
#   status           print what is running
#   check [PART...]  exit 0 when every PART (engine, image, registry, index;
#                    default all) is ready; prints nothing
#
# Environment (all optional):
#   FASTAPI_TEST_WORLD_DIR          state dir (default /tmp/fastapi-docker-test-world)
#   FASTAPI_TEST_WORLD_CACHE        rootfs tarball cache (default /var/cache/fastapi-docker-test-world)
#   FASTAPI_TEST_BASE_IMAGE         base image tag (default fastapi-docker-test/python:3.13)
#   FASTAPI_TEST_BASE               "debian" (default) or "official" (FROM python:3.14
#                                   + pip install "fastapi[standard]"; needs Hub and PyPI)
#   FASTAPI_TEST_DEBIAN_MIRROR      debootstrap mirror (default: the one apt uses here)
#   FASTAPI_TEST_DEBIAN_SUITE       debootstrap suite (default trixie: Python 3.13)
#   FASTAPI_TEST_REGISTRY_PORT      registry port on 127.0.0.1 (default 5555)
#   FASTAPI_TEST_REGISTRY_USER      registry user (default fastapi-test)
#   FASTAPI_TEST_REGISTRY_PASSWORD  registry password (default s3cret-test-pass)
#   FASTAPI_TEST_INDEX_PORT         open package index port on 127.0.0.1 (default 5556)
#   FASTAPI_TEST_INDEX_AUTH_PORT    basic-auth package index port (default 5557)
#   FASTAPI_TEST_INDEX_USER         its user (default fastapi-index)
#   FASTAPI_TEST_INDEX_PASSWORD     its password (default s3cret-index-pass)
#   FASTAPI_TEST_INDEX_IMAGE        the base image with indexes enabled (default
#                                   BASE_IMAGE-index: PIP_NO_INDEX=0, PIP_INDEX_URL=open index)
#   DOCKER_HOST                     an engine to reuse, if it answers
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
STANDIN="$SCRIPT_DIR/fastapi-standin.py"
INDEX_SCRIPT="$SCRIPT_DIR/package-index.py"

STATE_DIR=${FASTAPI_TEST_WORLD_DIR:-/tmp/fastapi-docker-test-world}
CACHE_DIR=${FASTAPI_TEST_WORLD_CACHE:-/var/cache/fastapi-docker-test-world}
ENV_FILE="$STATE_DIR/env"
LOCK_FILE="$STATE_DIR/lock"

BASE_IMAGE=${FASTAPI_TEST_BASE_IMAGE:-fastapi-docker-test/python:3.13}
BASE_ROUTE=${FASTAPI_TEST_BASE:-debian}
DEBIAN_SUITE=${FASTAPI_TEST_DEBIAN_SUITE:-trixie}
DEBIAN_INCLUDE=python3,python3-pip,python3-fastapi,python3-uvicorn
# Bump when the image recipe below changes, so that `up` rebuilds stale images.
RECIPE_VERSION=1
RECIPE_LABEL=org.fastapi-docker-test.recipe

REGISTRY_PORT=${FASTAPI_TEST_REGISTRY_PORT:-5555}
REGISTRY="127.0.0.1:$REGISTRY_PORT"
REGISTRY_USER=${FASTAPI_TEST_REGISTRY_USER:-fastapi-test}
REGISTRY_PASSWORD=${FASTAPI_TEST_REGISTRY_PASSWORD:-s3cret-test-pass}
REGISTRY_DIR="$STATE_DIR/registry"
REGISTRY_PIDFILE="$STATE_DIR/registry.pid"
REGISTRY_LOG="$STATE_DIR/registry.log"

INDEX_PORT=${FASTAPI_TEST_INDEX_PORT:-5556}
INDEX_AUTH_PORT=${FASTAPI_TEST_INDEX_AUTH_PORT:-5557}
INDEX_USER=${FASTAPI_TEST_INDEX_USER:-fastapi-index}
INDEX_PASSWORD=${FASTAPI_TEST_INDEX_PASSWORD:-s3cret-index-pass}
INDEX_URL="http://127.0.0.1:$INDEX_PORT/simple/"
INDEX_AUTH_URL="http://127.0.0.1:$INDEX_AUTH_PORT/simple/"
INDEX_DIR="$STATE_DIR/index"
INDEX_PIDFILE="$STATE_DIR/index.pid"
INDEX_LOG="$STATE_DIR/index.log"
INDEX_IMAGE=${FASTAPI_TEST_INDEX_IMAGE:-$BASE_IMAGE-index}
INDEX_RECIPE_VERSION=1

DEFAULT_DOCKER_HOST=unix:///var/run/docker.sock
# The engine started here also listens on this loopback TCP address (plain, no TLS): the ITs of a
# remote engine (smoke probes go to the engine's host) use it. 127.0.0.2 is loopback too.
TCP_ENGINE_HOST=${FASTAPI_TEST_TCP_ENGINE:-tcp://127.0.0.2:2375}
# dockerd writes this pidfile itself; its presence in OUR state dir is the
# record that this script started the engine (and so may stop it).
ENGINE_PIDFILE="$STATE_DIR/dockerd.pid"
ENGINE_LOG="$STATE_DIR/dockerd.log"

# Bounds of every wait loop, in tenths of a second (loops sleep 0.1 s).
ENGINE_START_TENTHS=600     # 60 s for dockerd to answer
ENGINE_STOP_TENTHS=400      # dockerd gives containers up to 15 s on shutdown
REGISTRY_START_TENTHS=300
REGISTRY_STOP_TENTHS=100
INDEX_START_TENTHS=100
INDEX_STOP_TENTHS=50
LOCK_WAIT_SECONDS=900       # another `up` may be building the image

log() { printf 'test-world: %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# Seconds since the epoch with a fraction, for the timings `up` reports.
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

# --- processes: only ever the PIDs recorded in our own pidfiles ---------------

# True while PID runs; a zombie whose parent has not reaped it yet counts as gone.
pid_alive() {
  local pid=$1 state
  [[ -r /proc/$pid/stat ]] || return 1
  state=$(awk '{ print $3 }' "/proc/$pid/stat" 2>/dev/null) || return 1
  [[ -n $state && $state != Z ]]
}

# The PID recorded in PIDFILE, if that process is still the program we started
# (a recycled PID of some other program must never be signalled).
recorded_pid() {
  local pidfile=$1 comm=$2 pid
  [[ -s $pidfile ]] || return 1
  pid=$(<"$pidfile")
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  pid_alive "$pid" || return 1
  [[ $(cat "/proc/$pid/comm" 2>/dev/null) == "$comm" ]] || return 1
  printf '%s\n' "$pid"
}

# SIGTERM, a bounded wait, then SIGKILL. Returns 0 if SIGTERM was enough.
stop_pid() {
  local pid=$1 name=$2 tenths=$3 i
  log "stopping $name (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || return 0
  for ((i = 0; i < tenths; i++)); do
    pid_alive "$pid" || return 0
    sleep 0.1
  done
  log "$name did not stop within $((tenths / 10)) s; sending SIGKILL"
  kill -KILL "$pid" 2>/dev/null || true
  for ((i = 0; i < 50; i++)); do
    pid_alive "$pid" || return 1
    sleep 0.1
  done
  log "WARNING: $name (pid $pid) still exists after SIGKILL"
  return 1
}

# Serialise up/down/registry-* between concurrent callers (several developers
# and test runs share one machine and one world).
take_lock() {
  mkdir -p "$STATE_DIR"
  exec 9>>"$LOCK_FILE"
  flock -w "$LOCK_WAIT_SECONDS" 9 || die "another test-world.sh holds $LOCK_FILE for over ${LOCK_WAIT_SECONDS} s"
}

# --- packages ----------------------------------------------------------------

APT_UPDATED=0
# Install the Debian packages that provide the missing commands. `apt-get
# update` runs only when something is actually missing, once per invocation.
ensure_commands() {
  local -a missing=()
  local pair cmd pkg
  for pair in "$@"; do
    cmd=${pair%%:*}
    pkg=${pair#*:}
    command -v "$cmd" >/dev/null 2>&1 || missing+=("$pkg")
  done
  ((${#missing[@]} == 0)) && return 0
  [[ $(id -u) == 0 ]] || die "missing packages (${missing[*]}) and not root to install them"
  command -v apt-get >/dev/null 2>&1 || die "missing packages (${missing[*]}) and no apt-get"
  if ((APT_UPDATED == 0)); then
    log "apt-get update (to install: ${missing[*]})"
    apt-get update -qq
    APT_UPDATED=1
  fi
  log "installing ${missing[*]}"
  # Package scripts must not start services: docker.io's init script would
  # start dockerd WITH a bridge and iptables rules, docker-registry's would
  # serve :5000 on every interface. policy-rc.d exit 101 forbids both (and
  # is honoured by invoke-rc.d and deb-systemd-invoke alike).
  local policy=/usr/sbin/policy-rc.d ours=no
  if [[ ! -e $policy ]]; then
    printf '#!/bin/sh\n# temporary, from fastapi-docker test-world.sh\nexit 101\n' >"$policy"
    chmod 755 "$policy"
    ours=yes
  fi
  local rc=0
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null || rc=$?
  [[ $ours == yes ]] && rm -f "$policy"
  ((rc == 0)) || die "apt-get install ${missing[*]} failed"
}

# --- the engine --------------------------------------------------------------

engine_answers() { timeout 10 docker info >/dev/null 2>&1; }

# The endpoint the docker CLI reaches with the current settings, for the env
# file: DOCKER_HOST if set, else the current context's (usually the socket).
engine_endpoint() {
  if [[ -n ${DOCKER_HOST:-} ]]; then
    printf '%s\n' "$DOCKER_HOST"
    return
  fi
  local host
  host=$(timeout 10 docker context inspect --format '{{.Endpoints.docker.Host}}' 2>/dev/null) || host=
  printf '%s\n' "${host:-$DEFAULT_DOCKER_HOST}"
}

# Sets ENGINE_HOST. Reuses an answering engine; else starts dockerd.
engine_up() {
  ensure_commands docker:docker.io
  if [[ -n ${DOCKER_HOST:-} ]]; then
    if engine_answers; then
      ENGINE_HOST=$DOCKER_HOST
      log "engine: reusing the one at DOCKER_HOST=$DOCKER_HOST"
      return
    fi
    log "engine: DOCKER_HOST=$DOCKER_HOST does not answer; trying the default"
    unset DOCKER_HOST
  fi
  if engine_answers; then
    ENGINE_HOST=$(engine_endpoint)
    log "engine: reusing the one at $ENGINE_HOST"
    return
  fi

  # Nothing answers: start our own, which needs root (as the test machines are).
  [[ $(id -u) == 0 ]] || die "no Docker engine answers and only root can start one"
  ensure_commands dockerd:docker.io
  if recorded_pid "$ENGINE_PIDFILE" dockerd >/dev/null; then
    die "dockerd (pid $(<"$ENGINE_PIDFILE")) runs but does not answer; see $ENGINE_LOG, or run: $0 down"
  fi
  rm -f "$ENGINE_PIDFILE"
  # A system containerd socket that nobody serves would make dockerd try it
  # instead of starting its own supervised containerd.
  if [[ -S /run/containerd/containerd.sock ]] && ! timeout 5 ctr --address /run/containerd/containerd.sock version >/dev/null 2>&1; then
    log "engine: note: /run/containerd/containerd.sock exists but may be stale"
  fi

  local started i
  started=$(now)
  log "engine: starting dockerd (log: $ENGINE_LOG)"
  # No bridge and no iptables: no private-range addresses, traffic stays on
  # loopback, containers use --network host. setsid puts dockerd in its own
  # session so a Ctrl-C in the terminal running the tests does not reach it;
  # 9>&- keeps it from inheriting (and holding forever) our lock.
  # dockerd writes its own PID to --pidfile once it owns the daemon lock.
  setsid dockerd \
    --iptables=false --ip6tables=false --bridge=none \
    --host "$DEFAULT_DOCKER_HOST" --host "$TCP_ENGINE_HOST" \
    --pidfile "$ENGINE_PIDFILE" \
    >>"$ENGINE_LOG" 2>&1 </dev/null 9>&- &
  local launcher=$!
  export DOCKER_HOST=$DEFAULT_DOCKER_HOST
  # Bounded twice: by the count, and by the clock (a slow `docker info`
  # would otherwise stretch every round).
  local deadline=$((SECONDS + ENGINE_START_TENTHS / 10))
  for ((i = 0; i < ENGINE_START_TENTHS && SECONDS <= deadline; i++)); do
    if engine_answers; then
      ENGINE_HOST=$DEFAULT_DOCKER_HOST
      log "engine: dockerd answers after $(elapsed "$started") s (pid $(<"$ENGINE_PIDFILE"))"
      return
    fi
    if ! pid_alive "$launcher"; then
      tail -n 20 "$ENGINE_LOG" >&2 || true
      die "dockerd exited during start-up; see $ENGINE_LOG"
    fi
    sleep 0.1
  done
  tail -n 20 "$ENGINE_LOG" >&2 || true
  die "dockerd did not answer within $((ENGINE_START_TENTHS / 10)) s; see $ENGINE_LOG (it is still running: $0 down stops it)"
}

engine_down() {
  local pid
  if ! pid=$(recorded_pid "$ENGINE_PIDFILE" dockerd); then
    [[ -e $ENGINE_PIDFILE ]] && rm -f "$ENGINE_PIDFILE"
    log "engine: not started by this script; leaving it alone"
    return 0
  fi
  # dockerd's supervised containerd: it would outlive a SIGKILLed dockerd.
  local cpid=""
  cpid=$(recorded_pid /var/run/docker/containerd/containerd.pid containerd) || cpid=""
  if ! stop_pid "$pid" dockerd "$ENGINE_STOP_TENTHS" && [[ -n $cpid ]] && pid_alive "$cpid"; then
    stop_pid "$cpid" "dockerd's containerd" 100 || true
  fi
  rm -f "$ENGINE_PIDFILE"
}

# --- the base image ----------------------------------------------------------

# The recipe key labels the image; a different key means the image is stale.
recipe_key() {
  case $BASE_ROUTE in
    debian)
      {
        echo "v$RECIPE_VERSION $DEBIAN_SUITE $DEBIAN_INCLUDE"
        cat "$STANDIN"
      } | sha256sum | cut -c1-16
      ;;
    official) echo "official-v$RECIPE_VERSION" ;;
    *) die "FASTAPI_TEST_BASE must be 'debian' or 'official', not '$BASE_ROUTE'" ;;
  esac
}

image_label() {
  local label
  label=$(docker image inspect --format "{{ index .Config.Labels \"$RECIPE_LABEL\" }}" "$BASE_IMAGE" 2>/dev/null) || return 1
  [[ $label == "<no value>" ]] && label=
  printf '%s\n' "$label"
}

# The archive apt uses on this machine for its own release (e.g. bookworm),
# from one-line .list files or deb822 .sources files. deb.debian.org otherwise.
debian_mirror() {
  if [[ -n ${FASTAPI_TEST_DEBIAN_MIRROR:-} ]]; then
    printf '%s\n' "$FASTAPI_TEST_DEBIAN_MIRROR"
    return
  fi
  local id="" codename="" file uri=""
  if [[ -r /etc/os-release ]]; then
    # shellcheck source=/dev/null # a system file, read in a subshell
    id=$(. /etc/os-release && printf '%s' "${ID:-}")
    # shellcheck source=/dev/null
    codename=$(. /etc/os-release && printf '%s' "${VERSION_CODENAME:-}")
  fi
  if [[ $id == debian && -n $codename ]]; then
    for file in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
      [[ -r $file ]] || continue
      # "deb [options] URI SUITE COMPONENTS...": skip a bracketed option list.
      uri=$(awk -v suite="$codename" '
        $1 == "deb" {
          i = 2
          if ($2 ~ /^\[/) { while (i <= NF && $i !~ /\]$/) i++; i++ }
          if ($(i + 1) == suite) { print $i; exit }
        }' "$file")
      [[ -n $uri ]] && break
    done
    if [[ -z $uri ]]; then
      for file in /etc/apt/sources.list.d/*.sources; do
        [[ -r $file ]] || continue
        # deb822 stanzas are separated by blank lines; take the first enabled
        # "deb" stanza whose Suites include the plain release name.
        uri=$(awk -v suite="$codename" '
          function check() {
            if (types ~ /(^| )deb( |$)/ && (" " suites " ") ~ (" " suite " ") && enabled != "no" && uris != "") {
              split(uris, u, " "); print u[1]; found = 1
            }
            types = ""; suites = ""; uris = ""; enabled = ""
          }
          /^[ \t]*#/ { next }
          /^[ \t]*$/ { check(); if (found) exit; next }
          { key = tolower($1); sub(/:$/, "", key); $1 = ""; sub(/^ +/, "")
            if (key == "types") types = $0
            else if (key == "suites") suites = $0
            else if (key == "uris") uris = $0
            else if (key == "enabled") enabled = tolower($0) }
          END { if (!found) check() }' "$file")
        [[ -n $uri ]] && break
      done
    fi
  fi
  printf '%s\n' "${uri:-http://deb.debian.org/debian}"
}

# debootstrap_rootfs WHAT SUITE INCLUDE DIR LOG: a minbase Debian SUITE with INCLUDE in DIR, from
# the mirror apt uses here; no package lists or downloaded .debs left (nothing built on it
# downloads anything). Dies with debootstrap's last lines when it fails.
debootstrap_rootfs() {
  local what=$1 suite=$2 include=$3 dir=$4 logfile=$5 mirror started
  ensure_commands debootstrap:debootstrap
  mirror=$(debian_mirror)
  started=$(now)
  log "$what: debootstrap $suite with $include from $mirror (log: $logfile)"
  if ! debootstrap --variant=minbase --include="$include" "$suite" "$dir" "$mirror" >"$logfile" 2>&1; then
    tail -n 20 "$logfile" >&2 || true
    die "debootstrap failed; see $logfile"
  fi
  log "$what: debootstrap took $(elapsed "$started") s"
  rm -rf "$dir"/var/lib/apt/lists/* "$dir"/var/cache/apt/*.bin "$dir"/var/cache/apt/archives/*.deb
}

# tar_rootfs DIR OUT: DIR as a tarball (written aside, then moved into place), without the contents
# of /dev, /proc and /sys, which an engine or a chroot's mounts provide.
tar_rootfs() {
  tar --numeric-owner -C "$1" --exclude=./dev/* --exclude=./proc/* --exclude=./sys/* -cf "$2.tmp" .
  mv -f "$2.tmp" "$2"
}

# Remove a build directory even if debootstrap died with mounts inside it.
remove_rootfs() {
  local dir=$1 mnt
  [[ -d $dir ]] || return 0
  while read -r mnt; do
    umount -l "$mnt" 2>/dev/null || true
  done < <(awk -v d="$dir/" 'index($2, d) == 1 { print $2 }' /proc/mounts | sort -r)
  rm -rf --one-file-system "$dir"
}

build_image_debian() {
  local key=$1 cache_tar="" started rootfs
  if mkdir -p "$CACHE_DIR" 2>/dev/null && [[ -w $CACHE_DIR ]]; then
    cache_tar="$CACHE_DIR/rootfs-$key.tar"
  fi
  if [[ -z $cache_tar || ! -s $cache_tar ]]; then
    rootfs=$(mktemp -d "${TMPDIR:-/tmp}/fastapi-test-rootfs.XXXXXX")
    # The trap keeps an interrupted build from leaving a half rootfs behind.
    # shellcheck disable=SC2064 # expand $rootfs now, on purpose
    trap "remove_rootfs '$rootfs'" EXIT
    debootstrap_rootfs image "$DEBIAN_SUITE" "$DEBIAN_INCLUDE" "$rootfs" "$STATE_DIR/debootstrap.log"
    # pip refuses to touch a Debian-managed Python (PEP 668) unless this goes;
    # the guide's `pip install -r requirements.txt` must work in the image.
    rm -f "$rootfs"/usr/lib/python3*/EXTERNALLY-MANAGED
    install -D -m 0755 "$STANDIN" "$rootfs/usr/local/bin/fastapi"
    local out=${cache_tar:-$STATE_DIR/rootfs.tar}
    tar_rootfs "$rootfs" "$out"
    remove_rootfs "$rootfs"
    trap - EXIT
    if [[ -n $cache_tar ]]; then
      # Only the current recipe's tarball is worth keeping.
      find "$CACHE_DIR" -maxdepth 1 -name 'rootfs-*.tar' ! -name "rootfs-$key.tar" -delete
    else
      cache_tar=$out
    fi
  else
    log "image: using cached rootfs $cache_tar"
  fi
  started=$(now)
  docker import \
    -c 'ENV PIP_NO_INDEX=1' \
    -c 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    -c 'ENV LANG=C.UTF-8' \
    -c "LABEL $RECIPE_LABEL=$key" \
    -c 'CMD ["python3"]' \
    -m "fastapi-docker-maven-plugin TEST base image: Debian $DEBIAN_SUITE + TEST STAND-IN fastapi command" \
    "$cache_tar" "$BASE_IMAGE" >/dev/null
  log "image: docker import took $(elapsed "$started") s"
  [[ $cache_tar == "$STATE_DIR/rootfs.tar" ]] && rm -f "$cache_tar"
  return 0
}

build_image_official() {
  local key=$1 ctx
  ctx=$(mktemp -d "${TMPDIR:-/tmp}/fastapi-test-official.XXXXXX")
  # shellcheck disable=SC2064 # expand $ctx now, on purpose
  trap "rm -rf '$ctx'" EXIT
  # The real fastapi-cli comes with fastapi[standard]; PIP_NO_INDEX makes the
  # tests' `pip install -r requirements.txt` behave as offline as on Debian.
  cat >"$ctx/Dockerfile" <<EOF
FROM python:3.14
RUN pip install --no-cache-dir "fastapi[standard]"
ENV PIP_NO_INDEX=1
LABEL $RECIPE_LABEL=$key
EOF
  # Without the buildx plugin a recent CLI refuses BuildKit; the classic
  # builder is enough here. --network host: an engine started by this script
  # has no bridge, so RUN steps get no network otherwise.
  local -a buildkit=()
  docker buildx version >/dev/null 2>&1 || buildkit=(env DOCKER_BUILDKIT=0)
  log "image: building $BASE_IMAGE FROM python:3.14 (needs Docker Hub and PyPI)"
  "${buildkit[@]}" docker build --network host -t "$BASE_IMAGE" "$ctx"
  rm -rf "$ctx"
  trap - EXIT
}

image_up() {
  local key label started
  key=$(recipe_key)
  if label=$(image_label); then
    # An image without our label was provided by someone else: use it as is.
    if [[ -z $label || $label == "$key" ]]; then
      log "image: reusing $BASE_IMAGE"
      return
    fi
    log "image: $BASE_IMAGE was built from another recipe ($label, now $key); rebuilding"
  fi
  started=$(now)
  case $BASE_ROUTE in
    debian) build_image_debian "$key" ;;
    official) build_image_official "$key" ;;
  esac
  log "image: $BASE_IMAGE ready after $(elapsed "$started") s"
}

# --- the registry ------------------------------------------------------------

# HTTP status of GET /v2/ (000: nothing answers). No proxy: loopback only.
registry_code() {
  curl -s --noproxy '*' --max-time 3 -o /dev/null -w '%{http_code}' "$@" "http://$REGISTRY/v2/" || true
}
registry_accepts_us() {
  [[ $(registry_code -u "$REGISTRY_USER:$REGISTRY_PASSWORD") == 200 ]]
}

# Writes the registry's config and password file (both in the state dir, so
# the Debian package's /etc/docker/registry/config.yml, which serves :5000, is
# never used). Returns 0 if either file changed.
registry_configure() {
  local changed=1 secret tmp
  mkdir -p "$REGISTRY_DIR/data"
  chmod 700 "$REGISTRY_DIR"
  ensure_commands htpasswd:apache2-utils docker-registry:docker-registry curl:curl
  # bcrypt salts differ per run: rewrite only if the password no longer matches.
  if ! [[ -s $REGISTRY_DIR/htpasswd ]] || ! htpasswd -vb "$REGISTRY_DIR/htpasswd" "$REGISTRY_USER" "$REGISTRY_PASSWORD" >/dev/null 2>&1; then
    htpasswd -Bbn "$REGISTRY_USER" "$REGISTRY_PASSWORD" >"$REGISTRY_DIR/htpasswd"
    changed=0
  fi
  # A fixed HTTP secret avoids distribution's warning about a random one.
  [[ -s $REGISTRY_DIR/secret ]] || head -c 24 /dev/urandom | base64 >"$REGISTRY_DIR/secret"
  secret=$(<"$REGISTRY_DIR/secret")
  tmp=$(mktemp "$REGISTRY_DIR/config.yml.XXXXXX")
  cat >"$tmp" <<EOF
# Written by scripts/test-world.sh; rewritten on every up.
version: 0.1
log:
  level: info
  fields:
    service: fastapi-docker-test-registry
storage:
  filesystem:
    rootdirectory: $REGISTRY_DIR/data
  delete:
    enabled: true
http:
  addr: $REGISTRY
  secret: $secret
  headers:
    X-Content-Type-Options: [nosniff]
auth:
  htpasswd:
    realm: fastapi-docker-test
    path: $REGISTRY_DIR/htpasswd
EOF
  if cmp -s "$tmp" "$REGISTRY_DIR/config.yml"; then
    rm -f "$tmp"
  else
    mv -f "$tmp" "$REGISTRY_DIR/config.yml"
    changed=0
  fi
  return "$changed"
}

registry_start_process() {
  local started i pid
  local -a unset_env=()
  local name
  # distribution lets REGISTRY_* variables override the config file.
  for name in $(compgen -e); do
    [[ $name == REGISTRY_* ]] && unset_env+=(-u "$name")
  done
  started=$(now)
  log "registry: starting on $REGISTRY (log: $REGISTRY_LOG)"
  setsid env "${unset_env[@]}" docker-registry serve "$REGISTRY_DIR/config.yml" \
    >>"$REGISTRY_LOG" 2>&1 </dev/null 9>&- &
  pid=$!
  local deadline=$((SECONDS + REGISTRY_START_TENTHS / 10))
  for ((i = 0; i < REGISTRY_START_TENTHS && SECONDS <= deadline; i++)); do
    if [[ $(registry_code) == 401 ]]; then
      # setsid (not a group leader here) and env exec in place, so $! is the
      # registry itself; check, since down trusts only this pidfile.
      [[ $(cat "/proc/$pid/comm" 2>/dev/null) == docker-registry ]] ||
        log "registry: WARNING: pid $pid is not docker-registry; down cannot stop it"
      printf '%s\n' "$pid" >"$REGISTRY_PIDFILE"
      log "registry: answers 401 after $(elapsed "$started") s (pid $pid)"
      return
    fi
    if ! pid_alive "$pid"; then
      tail -n 20 "$REGISTRY_LOG" >&2 || true
      die "docker-registry exited during start-up; see $REGISTRY_LOG"
    fi
    sleep 0.1
  done
  printf '%s\n' "$pid" >"$REGISTRY_PIDFILE"
  die "docker-registry did not answer on $REGISTRY within $((REGISTRY_START_TENTHS / 10)) s; see $REGISTRY_LOG"
}

registry_up() {
  local changed=no ours=no code
  registry_configure && changed=yes
  recorded_pid "$REGISTRY_PIDFILE" docker-registry >/dev/null && ours=yes
  code=$(registry_code)
  case $code in
    401)
      if registry_accepts_us && [[ $ours == no || $changed == no ]]; then
        log "registry: reusing the one on $REGISTRY"
        return
      fi
      # distribution reads its password file only at start: restart ours.
      [[ $ours == yes ]] || die "something on $REGISTRY asks for a login but rejects $REGISTRY_USER; stop it or set FASTAPI_TEST_REGISTRY_PORT"
      log "registry: configuration changed; restarting"
      registry_down
      ;;
    000)
      # Ours but not answering (hung): replace it.
      [[ $ours == no ]] || registry_down
      ;;
    *) die "port $REGISTRY answers HTTP $code to /v2/: not a registry with a login; set FASTAPI_TEST_REGISTRY_PORT" ;;
  esac
  registry_start_process
}

registry_down() {
  local pid
  if ! pid=$(recorded_pid "$REGISTRY_PIDFILE" docker-registry); then
    [[ -e $REGISTRY_PIDFILE ]] && rm -f "$REGISTRY_PIDFILE"
    if [[ $(registry_code) != 000 ]]; then
      log "registry: the one on $REGISTRY was not started by this script; leaving it alone"
    fi
    return 0
  fi
  stop_pid "$pid" docker-registry "$REGISTRY_STOP_TENTHS" || true
  rm -f "$REGISTRY_PIDFILE"
}

# --- the package index -------------------------------------------------------

# scripts/package-index.py builds a few test-only wheels (fastapi-docker-probe
# 1.0.0 and 2.0.0) and serves them as a PEP 503 simple index from one python3
# process: on INDEX_PORT without a login, on INDEX_AUTH_PORT with basic auth.
# Both listen on 127.0.0.1 only; containers reach them over the host network.

# The PID in INDEX_PIDFILE if it is still our index server (python3 running
# package-index.py, from any checkout: its comm is only "python3", so the
# command line decides).
recorded_index_pid() {
  local pid
  [[ -s $INDEX_PIDFILE ]] || return 1
  pid=$(<"$INDEX_PIDFILE")
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  pid_alive "$pid" || return 1
  [[ $(cat "/proc/$pid/comm" 2>/dev/null) == python3* ]] || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF "/package-index.py serve " || return 1
  printf '%s\n' "$pid"
}

# HTTP status of GET URL (000: nothing answers). No proxy: loopback only.
index_code() {
  curl -s --noproxy '*' --max-time 3 -o /dev/null -w '%{http_code}' "$@" || true
}
# Both indexes list the probe package, and the auth one only for our login.
index_answers() {
  local page
  page=$(curl -s --noproxy '*' --max-time 3 "$INDEX_URL" 2>/dev/null) || return 1
  [[ $page == *'/simple/fastapi-docker-probe/'* ]] &&
    [[ $(index_code "$INDEX_AUTH_URL") == 401 ]] &&
    [[ $(index_code -u "$INDEX_USER:$INDEX_PASSWORD" "$INDEX_AUTH_URL") == 200 ]]
}

# What the running server was started from: a new script (new wheels), other
# ports or another login mean a restart.
index_key() {
  {
    cat "$INDEX_SCRIPT"
    echo "$INDEX_PORT $INDEX_AUTH_PORT $INDEX_USER $INDEX_PASSWORD"
  } | sha256sum | cut -c1-16
}

index_start_process() {
  local started i pid
  mkdir -p "$INDEX_DIR"
  chmod 700 "$INDEX_DIR"
  started=$(now)
  log "index: starting on 127.0.0.1:$INDEX_PORT (open) and 127.0.0.1:$INDEX_AUTH_PORT (basic auth; log: $INDEX_LOG)"
  # The login reaches the server through its environment, not its command line.
  # setsid (not a group leader here) execs in place, so $! is python3 itself.
  FASTAPI_TEST_INDEX_USER=$INDEX_USER FASTAPI_TEST_INDEX_PASSWORD=$INDEX_PASSWORD \
    setsid python3 "$INDEX_SCRIPT" serve "$INDEX_DIR/files" "$INDEX_PORT" "$INDEX_AUTH_PORT" \
    >>"$INDEX_LOG" 2>&1 </dev/null 9>&- &
  pid=$!
  printf '%s\n' "$pid" >"$INDEX_PIDFILE"
  index_key >"$INDEX_DIR/key"
  local deadline=$((SECONDS + INDEX_START_TENTHS / 10))
  for ((i = 0; i < INDEX_START_TENTHS && SECONDS <= deadline; i++)); do
    if index_answers; then
      recorded_index_pid >/dev/null || log "index: WARNING: pid $pid is not our index server; down cannot stop it"
      log "index: answers after $(elapsed "$started") s (pid $pid)"
      return
    fi
    if ! pid_alive "$pid"; then
      tail -n 20 "$INDEX_LOG" >&2 || true
      die "the package index exited during start-up; see $INDEX_LOG"
    fi
    sleep 0.1
  done
  die "the package index did not answer within $((INDEX_START_TENTHS / 10)) s; see $INDEX_LOG ($0 down index stops it)"
}

index_server_up() {
  local ours=no
  ensure_commands python3:python3 curl:curl
  recorded_index_pid >/dev/null && ours=yes
  if index_answers; then
    if [[ $ours == no || $(cat "$INDEX_DIR/key" 2>/dev/null) == "$(index_key)" ]]; then
      log "index: reusing the one on 127.0.0.1:$INDEX_PORT and :$INDEX_AUTH_PORT"
      return
    fi
    log "index: script or settings changed; restarting"
    index_down
  elif [[ $ours == yes ]]; then
    # Ours but not answering as it should (hung): replace it.
    index_down
  elif [[ $(index_code "$INDEX_URL") != 000 || $(index_code "$INDEX_AUTH_URL") != 000 ]]; then
    die "something else answers on 127.0.0.1:$INDEX_PORT or :$INDEX_AUTH_PORT; stop it or set FASTAPI_TEST_INDEX_PORT / FASTAPI_TEST_INDEX_AUTH_PORT"
  fi
  index_start_process
}

# The base image with indexes enabled again (PIP_NO_INDEX=0) and the open index
# as pip's default, for the ITs that install from it. The base image itself
# keeps PIP_NO_INDEX=1. Labelled with the base image's id and the index URL.
index_image_key() {
  local base_id
  base_id=$(docker image inspect --format '{{.Id}}' "$BASE_IMAGE") || die "no $BASE_IMAGE to build $INDEX_IMAGE from"
  echo "v$INDEX_RECIPE_VERSION $base_id $INDEX_URL" | sha256sum | cut -c1-16
}

index_image_up() {
  local key label started
  key=$(index_image_key)
  label=$(docker image inspect --format "{{ index .Config.Labels \"$RECIPE_LABEL\" }}" "$INDEX_IMAGE" 2>/dev/null) || label=
  if [[ $label == "$key" ]]; then
    log "image: reusing $INDEX_IMAGE"
    return
  fi
  started=$(now)
  # No RUN step, so no network; the classic builder is enough.
  local -a buildkit=()
  docker buildx version >/dev/null 2>&1 || buildkit=(env DOCKER_BUILDKIT=0)
  local out
  if ! out=$(printf 'FROM %s\nENV PIP_NO_INDEX=0 PIP_INDEX_URL=%s\nLABEL %s=%s\n' \
    "$BASE_IMAGE" "$INDEX_URL" "$RECIPE_LABEL" "$key" |
    "${buildkit[@]}" docker build -q -t "$INDEX_IMAGE" - 2>&1); then
    printf '%s\n' "$out" >&2
    die "docker build of $INDEX_IMAGE failed"
  fi
  log "image: $INDEX_IMAGE (FROM $BASE_IMAGE, PIP_NO_INDEX=0, PIP_INDEX_URL=$INDEX_URL) ready after $(elapsed "$started") s"
}

index_down() {
  local pid
  if ! pid=$(recorded_index_pid); then
    [[ -e $INDEX_PIDFILE ]] && rm -f "$INDEX_PIDFILE"
    if [[ $(index_code "$INDEX_URL") != 000 ]]; then
      log "index: the one on 127.0.0.1:$INDEX_PORT was not started by this script; leaving it alone"
    fi
    return 0
  fi
  stop_pid "$pid" "package index" "$INDEX_STOP_TENTHS" || true
  rm -f "$INDEX_PIDFILE"
}

# --- the env file ------------------------------------------------------------

# KEY=VALUE lines that both `source` (bash) and simple .env readers accept;
# values with shell-special characters are quoted for bash.
env_line() {
  if [[ $2 =~ ^[A-Za-z0-9_./:@%+,=-]*$ ]]; then
    printf '%s=%s\n' "$1" "$2"
  else
    printf '%s=%q\n' "$1" "$2"
  fi
}

write_env_file() {
  local tmp
  tmp=$(mktemp "$STATE_DIR/env.XXXXXX")
  {
    echo "# Written by scripts/test-world.sh up; source it with: set -a; . $ENV_FILE; set +a"
    env_line FASTAPI_TEST_BASE_IMAGE "$BASE_IMAGE"
    env_line FASTAPI_TEST_REGISTRY "$REGISTRY"
    env_line FASTAPI_TEST_REGISTRY_USER "$REGISTRY_USER"
    env_line FASTAPI_TEST_REGISTRY_PASSWORD "$REGISTRY_PASSWORD"
    # Containers reach the registry and the tests reach containers only over
    # host networking: an engine started here has no bridge.
    env_line FASTAPI_TEST_INDEX_URL "$INDEX_URL"
    env_line FASTAPI_TEST_INDEX_AUTH_URL "$INDEX_AUTH_URL"
    env_line FASTAPI_TEST_INDEX_USER "$INDEX_USER"
    env_line FASTAPI_TEST_INDEX_PASSWORD "$INDEX_PASSWORD"
    env_line FASTAPI_TEST_INDEX_IMAGE "$INDEX_IMAGE"
    env_line FASTAPI_TEST_NETWORK_MODE host
    env_line DOCKER_HOST "$ENGINE_HOST"
    # The same engine over TCP, when it answers there (an engine reused from elsewhere may not).
    if DOCKER_HOST=$TCP_ENGINE_HOST timeout 10 docker version >/dev/null 2>&1; then
      env_line FASTAPI_TEST_TCP_ENGINE "$TCP_ENGINE_HOST"
    else
      env_line FASTAPI_TEST_TCP_ENGINE ""
    fi
  } >"$tmp"
  chmod 600 "$tmp"
  mv -f "$tmp" "$ENV_FILE"
}

# --- commands ----------------------------------------------------------------

cmd_up() {
  take_lock
  ENGINE_HOST=""
  engine_up
  export DOCKER_HOST=$ENGINE_HOST
  image_up
  registry_up
  index_server_up
  index_image_up
  write_env_file
  log "world is up; env file: $ENV_FILE"
  grep -v '^#' "$ENV_FILE"
}

cmd_down() {
  local -a parts=("$@")
  ((${#parts[@]})) || parts=(registry index engine)
  take_lock
  local part
  for part in "${parts[@]}"; do
    case $part in
      registry) registry_down ;;
      index) index_down ;;
      engine) engine_down ;;
      *) die "down: unknown part '$part' (registry, index, engine)" ;;
    esac
  done
  # The env file describes a ready world; a partial one has none.
  rm -f "$ENV_FILE"
}

cmd_registry_start() {
  take_lock
  registry_up
}

cmd_registry_stop() {
  take_lock
  registry_down
}

cmd_check() {
  local -a parts=("$@")
  ((${#parts[@]})) || parts=(engine image registry index)
  local part
  for part in "${parts[@]}"; do
    case $part in
      engine) engine_answers || return 1 ;;
      image) docker image inspect "$BASE_IMAGE" >/dev/null 2>&1 || return 1 ;;
      registry) registry_accepts_us || return 1 ;;
      index)
        index_answers || return 1
        docker image inspect "$INDEX_IMAGE" >/dev/null 2>&1 || return 1
        ;;
      *) die "check: unknown part '$part' (engine, image, registry, index)" ;;
    esac
  done
}

cmd_status() {
  local pid code label
  if command -v docker >/dev/null 2>&1 && engine_answers; then
    printf 'engine:   up at %s (server %s)' "$(engine_endpoint)" \
      "$(timeout 10 docker version --format '{{.Server.Version}}' 2>/dev/null || echo '?')"
  else
    printf 'engine:   not answering'
  fi
  if pid=$(recorded_pid "$ENGINE_PIDFILE" dockerd); then
    printf '; dockerd pid %s started by this script\n' "$pid"
  else
    printf '\n'
  fi
  if ! engine_answers; then
    printf 'image:    %s unknown (no engine)\n' "$BASE_IMAGE"
  elif label=$(image_label 2>/dev/null); then
    printf 'image:    %s present%s\n' "$BASE_IMAGE" "${label:+ (recipe $label)}"
  else
    printf 'image:    %s absent\n' "$BASE_IMAGE"
  fi
  code=$(registry_code)
  case $code in
    000) printf 'registry: nothing on %s' "$REGISTRY" ;;
    *) printf 'registry: %s answers HTTP %s to /v2/' "$REGISTRY" "$code" ;;
  esac
  if pid=$(recorded_pid "$REGISTRY_PIDFILE" docker-registry); then
    printf '; pid %s started by this script\n' "$pid"
  else
    printf '\n'
  fi
  if index_answers; then
    printf 'index:    %s (open) and %s (basic auth) answer' "$INDEX_URL" "$INDEX_AUTH_URL"
  elif [[ $(index_code "$INDEX_URL") != 000 ]]; then
    printf 'index:    %s answers HTTP %s, not as our index' "$INDEX_URL" "$(index_code "$INDEX_URL")"
  else
    printf 'index:    nothing on %s' "$INDEX_URL"
  fi
  if pid=$(recorded_index_pid); then
    printf '; pid %s started by this script\n' "$pid"
  else
    printf '\n'
  fi
  if engine_answers && docker image inspect "$INDEX_IMAGE" >/dev/null 2>&1; then
    printf 'image:    %s present\n' "$INDEX_IMAGE"
  else
    printf 'image:    %s absent\n' "$INDEX_IMAGE"
  fi
  if [[ -s $ENV_FILE ]]; then
    printf 'env file: %s\n' "$ENV_FILE"
  else
    printf 'env file: none (run: %s up)\n' "$0"
  fi
}

usage() {
  sed -n '/^# Usage:/,/^set -euo/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//'
}

main() {
  local command=${1:-}
  (($#)) && shift
  case $command in
    up) cmd_up ;;
    down) cmd_down "$@" ;;
    registry-start) cmd_registry_start ;;
    registry-stop) cmd_registry_stop ;;
    status) cmd_status ;;
    check) cmd_check "$@" ;;
    -h | --help | help) usage ;;
    *)
      usage >&2
      exit 2
      ;;
  esac
}

# scripts/engines.sh sources this file for its helpers (debian_mirror, ensure_commands, the
# pidfile and stop functions); only running it does anything.
if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
  main "$@"
fi
