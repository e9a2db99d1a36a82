#!/usr/bin/env bash
# The engine matrix of the integration tests: container engines beside the test world's default
# one (scripts/test-world.sh), each with the test base images loaded, all on loopback.
#
#   docker28-containerd  Docker 28.5 with containerd 2.1 from a Debian sid chroot, with the
#                        containerd image store (Docker 29's default); a unix socket
#   docker28-tls         the same Docker 28.5 (a second dockerd from the same chroot), classic
#                        image store, on tcp://127.0.0.3:2376 with --tlsverify and client certs
#   podman               Debian's Podman 4.3, its Docker-compatible API on a unix socket
#
# Usage: scripts/engines.sh COMMAND
#   up NAME...       start (or reuse) the engines, in parallel, and load the test images into each
#   down [NAME...]   stop them by their recorded PIDs and unmount what they and `up` mounted
#                    (default: every engine)
#   env NAME         print the KEY=VALUE lines that point a client at NAME (DOCKER_HOST, for TLS
#                    DOCKER_TLS_VERIFY and DOCKER_CERT_PATH, FASTAPI_TEST_ENGINE); source them
#   check NAME...    exit 0 when each engine runs (started here) and answers; prints nothing
#   status           print what runs and what is mounted
#   names            print the engine names, one a line
#
# The Docker engines run from a chroot made with `debootstrap --variant=minbase
# --include=docker.io,iptables sid`, cached as a tarball like the base image's rootfs. The chroot
# shares the host's mount namespace: `up` bind-mounts it onto itself (dockerd's remount of / fails
# otherwise), mounts proc, rbinds sys and dev as slaves, and binds each engine's directory at the
# same path inside, so its socket, pidfile and certificates have one path in and out. `down`
# unmounts all of that, and whatever the engines left mounted under their directories, and checks
# /proc/self/mountinfo that nothing is left. Engines run without a bridge or iptables (containers
# use the host network), and nothing is pulled: the images come from the default engine through
# `docker save` / `docker load`.
#
# Environment (all optional):
#   FASTAPI_TEST_ENGINES_DIR    state dir (default /tmp/fastapi-docker-engines)
#   FASTAPI_TEST_WORLD_CACHE    where the chroot's tarball is cached (shared with test-world.sh)
#   FASTAPI_TEST_DEBIAN_MIRROR  debootstrap mirror (default: the one apt uses here)
#   FASTAPI_TEST_ENGINES_SUITE  Debian suite of the Docker chroot (default sid: Docker 28.5)
#   FASTAPI_TEST_TLS_ENGINE     the TLS engine's address (default tcp://127.0.0.3:2376)
#   FASTAPI_TEST_WORLD_DIR      the test world, whose engine the images come from and whose
#                               registry Podman is told is insecure (default as test-world.sh)
set -euo pipefail

ENGINES_SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# The test world's helpers and settings (STATE_DIR, CACHE_DIR, REGISTRY, BASE_IMAGE, INDEX_IMAGE,
# debian_mirror, ensure_commands, recorded_pid, stop_pid, env_line, ...). Sourcing runs nothing.
# shellcheck source-path=SCRIPTDIR source=test-world.sh disable=SC1091 # followed when given too
. "$ENGINES_SCRIPT_DIR/test-world.sh"

log() { printf 'engines: %s\n' "$*" >&2; }

ENGINE_NAMES=(docker28-containerd docker28-tls podman)

ENGINES_DIR=${FASTAPI_TEST_ENGINES_DIR:-/tmp/fastapi-docker-engines}
ENGINES_LOCK="$ENGINES_DIR/lock"
ROOTFS="$ENGINES_DIR/rootfs"
ROOTFS_KEY_FILE="$ENGINES_DIR/rootfs.key"
# Mount targets in the order `up` mounted them; `down` unmounts them in reverse.
CHROOT_MOUNTS="$ENGINES_DIR/chroot.mounts"
IMAGES_TAR="$ENGINES_DIR/images.tar"

CHROOT_SUITE=${FASTAPI_TEST_ENGINES_SUITE:-sid}
CHROOT_INCLUDE=docker.io,iptables
# Bump when the chroot recipe changes, so that `up` makes a new one.
CHROOT_RECIPE_VERSION=1

TLS_ENGINE=${FASTAPI_TEST_TLS_ENGINE:-tcp://127.0.0.3:2376}
TLS_HOSTPORT=${TLS_ENGINE#tcp://}
TLS_IP=${TLS_HOSTPORT%:*}
TLS_PORT=${TLS_HOSTPORT##*:}

# Bounds of every wait, in tenths of a second (loops sleep 0.1 s) or seconds.
START_TENTHS=600      # 60 s for an engine to answer
STOP_TENTHS=400       # dockerd gives containers up to 15 s on shutdown
UNMOUNT_ROUNDS=5
LOAD_SECONDS=600      # docker save / load of the two test images (~0.4 GB)
ENGINES_LOCK_SECONDS=900

# The default engine (the images' source) and the registry, as the test world wrote them.
WORLD_ENV="$STATE_DIR/env"
world_value() {
  local key=$1 fallback=$2 value=""
  if [[ -r $WORLD_ENV ]]; then
    # shellcheck source=/dev/null # written by test-world.sh up
    value=$(set +u && . "$WORLD_ENV" && printf '%s' "${!key:-}")
  fi
  printf '%s\n' "${value:-$fallback}"
}
SOURCE_DOCKER_HOST=$(world_value DOCKER_HOST "${DOCKER_HOST:-$DEFAULT_DOCKER_HOST}")
MATRIX_REGISTRY=$(world_value FASTAPI_TEST_REGISTRY "$REGISTRY")
MATRIX_BASE_IMAGE=$(world_value FASTAPI_TEST_BASE_IMAGE "$BASE_IMAGE")
MATRIX_INDEX_IMAGE=$(world_value FASTAPI_TEST_INDEX_IMAGE "$INDEX_IMAGE")

engine_dir() { printf '%s/%s\n' "$ENGINES_DIR" "$1"; }

engine_kind() {
  case $1 in
    docker28-containerd | docker28-tls) echo docker ;;
    podman) echo podman ;;
    *) die "unknown engine '$1' (engines: ${ENGINE_NAMES[*]})" ;;
  esac
}

engine_host() {
  case $1 in
    docker28-containerd) printf 'unix://%s/run/docker.sock\n' "$(engine_dir "$1")" ;;
    docker28-tls) printf '%s\n' "$TLS_ENGINE" ;;
    podman) printf 'unix://%s/run/podman.sock\n' "$(engine_dir "$1")" ;;
  esac
}

# The client settings of an engine, as KEY=VALUE lines (the `env` command).
engine_env() {
  local name=$1
  env_line DOCKER_HOST "$(engine_host "$name")"
  if [[ $name == docker28-tls ]]; then
    env_line DOCKER_TLS_VERIFY 1
    env_line DOCKER_CERT_PATH "$(engine_dir "$name")/client"
  fi
  env_line FASTAPI_TEST_ENGINE "$name"
}

# The docker CLI pointed at engine NAME (and only at it: no context, no stray TLS settings), for
# at most CLI_SECONDS (default 600). The classic builder: docker-java's, and no buildx needed.
edocker() {
  local name=$1
  shift
  local -a settings=(DOCKER_HOST="$(engine_host "$name")" DOCKER_BUILDKIT=0)
  if [[ $name == docker28-tls ]]; then
    settings+=(DOCKER_TLS_VERIFY=1 DOCKER_CERT_PATH="$(engine_dir "$name")/client")
  fi
  timeout "${CLI_SECONDS:-600}" env -u DOCKER_CONTEXT -u DOCKER_TLS_VERIFY -u DOCKER_CERT_PATH \
    "${settings[@]}" docker "$@"
}

# The docker CLI pointed at the default engine, where the test images come from.
sdocker() {
  timeout "${CLI_SECONDS:-600}" env -u DOCKER_CONTEXT -u DOCKER_TLS_VERIFY -u DOCKER_CERT_PATH \
    DOCKER_HOST="$SOURCE_DOCKER_HOST" docker "$@"
}

engine_answers_at() { CLI_SECONDS=10 edocker "$1" version >/dev/null 2>&1; }

engine_version() {
  CLI_SECONDS=10 edocker "$1" version --format '{{.Server.Version}} (API {{.Server.APIVersion}})' 2>/dev/null || echo '?'
}

engines_lock() {
  mkdir -p "$ENGINES_DIR"
  chmod 755 "$ENGINES_DIR"
  exec 8>>"$ENGINES_LOCK"
  flock -w "$ENGINES_LOCK_SECONDS" 8 || die "another engines.sh holds $ENGINES_LOCK for over ${ENGINES_LOCK_SECONDS} s"
}

# --- mounts ------------------------------------------------------------------

# Mount points at or under DIR, in /proc/self/mountinfo order (a submount after its parent).
mounts_under() {
  awk -v d="$1" '$5 == d || index($5, d "/") == 1 { print $5 }' /proc/self/mountinfo
}

# mount ARGS... TARGET, recorded in RECORD; skipped when TARGET is already a mount point (an
# earlier `up` whose engines still run, or one that died before its `down`).
record_mount() {
  local record=$1
  shift
  local target=${*: -1}
  if mountpoint -q "$target"; then
    grep -qxF "$target" "$record" 2>/dev/null || printf '%s\n' "$target" >>"$record"
    return 0
  fi
  mount "$@"
  printf '%s\n' "$target" >>"$record"
}

# A bind mount of SRC on TARGET that propagates nothing either way (on a machine whose / is shared,
# mounts the engines make inside would otherwise appear outside as well).
bind_private() {
  local record=$1 src=$2 target=$3
  record_mount "$record" --bind "$src" "$target"
  mount --make-private "$target"
}

# Unmounts what RECORD lists (in reverse; "" for no record) and then anything else still mounted
# under DIR (what an engine left: its netns file, Podman's private bind of its overlay directory),
# deepest first, in bounded rounds. Fails if something stays.
unmount_all() {
  local record=$1 dir=$2 target round
  local -a left
  if [[ -n $record && -s $record ]]; then
    while read -r target; do
      mountpoint -q "$target" 2>/dev/null || continue
      # -R: an rbind of sys or dev brings submounts along.
      umount -R "$target" 2>/dev/null || log "WARNING: umount $target failed; retrying below"
    done < <(tac "$record")
  fi
  for ((round = 1; round <= UNMOUNT_ROUNDS; round++)); do
    mapfile -t left < <(mounts_under "$dir" | tac)
    ((${#left[@]})) || break
    for target in "${left[@]}"; do
      ((round == 1)) && log "unmounting $target (left by an engine)"
      if ((round < UNMOUNT_ROUNDS)); then
        umount "$target" 2>/dev/null || true
      else
        umount -l "$target" 2>/dev/null || true
      fi
    done
  done
  mapfile -t left < <(mounts_under "$dir")
  if ((${#left[@]})); then
    log "ERROR: still mounted under $dir: ${left[*]}"
    return 1
  fi
  if [[ -n $record ]]; then
    rm -f "$record"
  fi
}

# --- the Docker chroot -------------------------------------------------------

chroot_key() {
  echo "engines-v$CHROOT_RECIPE_VERSION $CHROOT_SUITE minbase $CHROOT_INCLUDE" | sha256sum | cut -c1-16
}

# Makes (or reuses) $ROOTFS: from the cached tarball if there is one, else with debootstrap (whose
# result is then cached). Prints nothing; logs the time debootstrap took.
rootfs_up() {
  local key cache_tar="" started tmp
  key=$(chroot_key)
  if [[ -d $ROOTFS/usr/sbin && $(cat "$ROOTFS_KEY_FILE" 2>/dev/null) == "$key" ]]; then
    log "chroot: reusing $ROOTFS"
    return 0
  fi
  # A stale rootfs may only go when nothing of ours runs in it or is mounted there.
  if [[ -d $ROOTFS ]]; then
    docker_engines_running && die "the chroot $ROOTFS is from another recipe but engines still run in it; run: $0 down"
    unmount_all "$CHROOT_MOUNTS" "$ROOTFS" || die "cannot unmount the old chroot"
    rm -rf --one-file-system "$ROOTFS"
  fi
  rm -f "$ROOTFS_KEY_FILE"
  if mkdir -p "$CACHE_DIR" 2>/dev/null && [[ -w $CACHE_DIR ]]; then
    cache_tar="$CACHE_DIR/engines-rootfs-$key.tar"
  fi
  tmp=$(mktemp -d "$ENGINES_DIR/rootfs.new.XXXXXX")
  # shellcheck disable=SC2064 # expand $tmp now, on purpose
  trap "remove_rootfs '$tmp'" EXIT
  started=$(now)
  if [[ -n $cache_tar && -s $cache_tar ]]; then
    tar --numeric-owner -C "$tmp" -xf "$cache_tar"
    log "chroot: unpacked the cached $cache_tar in $(elapsed "$started") s"
  else
    debootstrap_rootfs chroot "$CHROOT_SUITE" "$CHROOT_INCLUDE" "$tmp" "$ENGINES_DIR/debootstrap.log"
    if [[ -n $cache_tar ]]; then
      started=$(now)
      tar_rootfs "$tmp" "$cache_tar"
      find "$CACHE_DIR" -maxdepth 1 -name 'engines-rootfs-*.tar' ! -name "engines-rootfs-$key.tar" -delete
      log "chroot: cached as $cache_tar ($(elapsed "$started") s)"
    fi
  fi
  mv "$tmp" "$ROOTFS"
  trap - EXIT
  printf '%s\n' "$key" >"$ROOTFS_KEY_FILE"
}

# The mounts every dockerd in the chroot needs (SPEC: "Engines that work here").
chroot_mount() {
  bind_private "$CHROOT_MOUNTS" "$ROOTFS" "$ROOTFS"
  record_mount "$CHROOT_MOUNTS" -t proc proc "$ROOTFS/proc"
  local fs
  for fs in sys dev; do
    if ! mountpoint -q "$ROOTFS/$fs"; then
      record_mount "$CHROOT_MOUNTS" --rbind "/$fs" "$ROOTFS/$fs"
      # Slaves: the host's mounts reach the chroot, nothing unmounted here reaches the host.
      mount --make-rslave "$ROOTFS/$fs"
    fi
  done
}

docker_engines_running() {
  local name
  for name in docker28-containerd docker28-tls; do
    engine_pid "$name" >/dev/null && return 0
  done
  return 1
}

# --- TLS certificates --------------------------------------------------------

# A CA, a server certificate for $TLS_IP and a client certificate, made with openssl; kept while
# valid for another day and made for the same address.
tls_certs() {
  local dir=$1 certs="$1/certs" client="$1/client"
  if [[ -s $client/key.pem && $(cat "$certs/address" 2>/dev/null) == "$TLS_IP" ]] &&
    openssl x509 -checkend 86400 -noout -in "$certs/server-cert.pem" >/dev/null 2>&1 &&
    openssl x509 -checkend 86400 -noout -in "$client/cert.pem" >/dev/null 2>&1; then
    return 0
  fi
  rm -rf "$certs" "$client"
  mkdir -p "$certs" "$client"
  chmod 700 "$certs" "$client"
  openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj '/CN=fastapi-docker-test CA' \
    -keyout "$certs/ca-key.pem" -out "$certs/ca.pem" 2>/dev/null
  openssl req -new -newkey rsa:2048 -nodes -subj "/CN=$TLS_IP" \
    -keyout "$certs/server-key.pem" -out "$certs/server.csr" 2>/dev/null
  openssl x509 -req -days 30 -in "$certs/server.csr" -CA "$certs/ca.pem" -CAkey "$certs/ca-key.pem" \
    -CAcreateserial -out "$certs/server-cert.pem" \
    -extfile <(printf 'subjectAltName=IP:%s\nextendedKeyUsage=serverAuth\n' "$TLS_IP") 2>/dev/null
  openssl req -new -newkey rsa:2048 -nodes -subj '/CN=fastapi-docker-test client' \
    -keyout "$client/key.pem" -out "$certs/client.csr" 2>/dev/null
  openssl x509 -req -days 30 -in "$certs/client.csr" -CA "$certs/ca.pem" -CAkey "$certs/ca-key.pem" \
    -CAcreateserial -out "$client/cert.pem" \
    -extfile <(printf 'extendedKeyUsage=clientAuth\n') 2>/dev/null
  cp "$certs/ca.pem" "$client/ca.pem"
  chmod 600 "$certs"/*-key.pem "$client/key.pem"
  printf '%s\n' "$TLS_IP" >"$certs/address"
  log "docker28-tls: made a CA, a server certificate for IP:$TLS_IP and client certificates in $client"
}

# --- starting and stopping ---------------------------------------------------

# Waits (bounded by count and clock) until NAME answers or LAUNCHER exits; records the time taken.
wait_for_engine() {
  local name=$1 launcher=$2 logfile=$3 started=$4 i deadline took
  deadline=$((SECONDS + START_TENTHS / 10))
  for ((i = 0; i < START_TENTHS && SECONDS <= deadline; i++)); do
    if engine_answers_at "$name"; then
      took=$(elapsed "$started")
      printf 'start %s\n' "$took" >"$(engine_dir "$name")/timing"
      log "$name: answers after $took s: $(engine_version "$name")"
      return 0
    fi
    if ! pid_alive "$launcher"; then
      tail -n 20 "$logfile" >&2 || true
      die "$name exited during start-up; see $logfile"
    fi
    sleep 0.1
  done
  tail -n 20 "$logfile" >&2 || true
  die "$name did not answer within $((START_TENTHS / 10)) s; see $logfile ($0 down $name stops it)"
}

docker_start() {
  local name=$1 dir started launcher
  dir=$(engine_dir "$name")
  local pidfile="$dir/dockerd.pid" logfile="$dir/dockerd.log"
  if recorded_pid "$pidfile" dockerd >/dev/null; then
    engine_answers_at "$name" || die "$name: dockerd (pid $(<"$pidfile")) runs but does not answer; see $logfile, or run: $0 down $name"
    log "$name: reusing the running dockerd (pid $(<"$pidfile")): $(engine_version "$name")"
    return 0
  fi
  rm -f "$pidfile"
  mkdir -p "$dir/run" "$dir/data" "$dir/exec" "$ROOTFS$dir"
  bind_private "$dir/mounts" "$dir" "$ROOTFS$dir"
  local -a listen
  case $name in
    docker28-containerd)
      # Docker 29's default image store.
      printf '{"features": {"containerd-snapshotter": true}}\n' >"$dir/daemon.json"
      rm -f "$dir/run/docker.sock"
      listen=(--host "unix://$dir/run/docker.sock")
      ;;
    docker28-tls)
      printf '{"features": {"containerd-snapshotter": false}}\n' >"$dir/daemon.json"
      tls_certs "$dir"
      if timeout 2 bash -c "exec 3<>/dev/tcp/$TLS_IP/$TLS_PORT" 2>/dev/null; then
        die "$name: something else listens on $TLS_HOSTPORT; stop it or set FASTAPI_TEST_TLS_ENGINE"
      fi
      listen=(--host "$TLS_ENGINE" --tlsverify --tlscacert "$dir/certs/ca.pem"
        --tlscert "$dir/certs/server-cert.pem" --tlskey "$dir/certs/server-key.pem")
      ;;
  esac
  # Known limit of a dockerd run from a chroot (measured with runc 1.3.6): an exec (`docker exec`,
  # and so every HEALTHCHECK and the smoke test's check of <user>) does not enter the container's
  # mount namespace: it sees the host's root, so `chdir to cwd ("/code") set in config.json failed:
  # no such file or directory`. The ITs that exec (prod-*) are not in the matrix's subset for it.
  started=$(now)
  log "$name: starting dockerd $(chroot "$ROOTFS" /usr/sbin/dockerd --version | sed 's/^Docker version //') in $ROOTFS (log: $logfile)"
  # chroot execs dockerd in place, so $! is dockerd; it writes its own pidfile (the record `down`
  # trusts). setsid: a Ctrl-C in the terminal does not reach it; 8>&- 9>&-: it holds no lock.
  # No bridge, no iptables, no ip_forward sysctl: nothing on the host changes, traffic stays on
  # loopback. Each engine has its own data-root, exec-root (its own containerd), cgroup parent.
  setsid chroot "$ROOTFS" /usr/sbin/dockerd \
    --config-file "$dir/daemon.json" "${listen[@]}" \
    --data-root "$dir/data" --exec-root "$dir/exec" --pidfile "$pidfile" \
    --iptables=false --ip6tables=false --ip-forward=false --bridge=none \
    --cgroup-parent "/$name" \
    >>"$logfile" 2>&1 </dev/null 8>&- 9>&- &
  launcher=$!
  wait_for_engine "$name" "$launcher" "$logfile" "$started"
  # sid moves on; a cached chroot does not. The names (and the README's table) say 28.
  if [[ $(engine_version "$name") != 28.* ]]; then
    log "$name: WARNING: $CHROOT_SUITE now has Docker $(engine_version "$name"), not 28.x; the engine names say 28"
  fi
}

docker_stop() {
  local name=$1 dir pid cpid=""
  dir=$(engine_dir "$name")
  if pid=$(recorded_pid "$dir/dockerd.pid" dockerd); then
    # Its supervised containerd would outlive a SIGKILLed dockerd.
    cpid=$(recorded_pid "$dir/exec/containerd/containerd.pid" containerd) || cpid=""
    if ! stop_pid "$pid" "$name dockerd" "$STOP_TENTHS" && [[ -n $cpid ]] && pid_alive "$cpid"; then
      stop_pid "$cpid" "$name containerd" 100 || true
    fi
  fi
  rm -f "$dir/dockerd.pid"
  unmount_all "$dir/mounts" "$ROOTFS$dir"
  # Unmount what dockerd left in its exec-root (the netns file), seen from outside too.
  unmount_all "" "$dir"
  # The (empty) cgroups of --cgroup-parent.
  local cg
  for cg in /sys/fs/cgroup/*/"$name" /sys/fs/cgroup/"$name"; do
    if [[ -d $cg ]]; then
      rmdir "$cg" 2>/dev/null || true
    fi
  done
}

podman_configure() {
  local dir=$1
  mkdir -p "$dir/run" "$dir/storage" "$dir/runroot" "$dir/tmp" "$dir/networks"
  cat >"$dir/storage.conf" <<EOF
# Written by scripts/engines.sh: this Podman's images and containers stay in its state dir.
[storage]
driver = "overlay"
graphroot = "$dir/storage"
runroot = "$dir/runroot"
EOF
  cat >"$dir/containers.conf" <<EOF
# Written by scripts/engines.sh.
[containers]
# No bridge here: containers use the host network, as on the other test engines.
netns = "host"
# Root on these machines lacks CAP_SYS_RESOURCE, so Podman cannot raise the rlimits to its
# defaults (every container would fail: "error setting rlimit type 7").
default_ulimits = ["nofile=20000:20000", "nproc=32768:32768"]

[engine]
# No systemd here; and events go to a file, not the journal.
cgroup_manager = "cgroupfs"
events_logger = "file"
tmp_dir = "$dir/tmp"

[network]
network_config_dir = "$dir/networks"
EOF
  # Podman, unlike dockerd, does not treat 127.0.0.0/8 as insecure. Short names: the images loaded
  # from a `docker save` archive are named localhost/NAME:TAG, and Podman's local lookup of a short
  # name tries localhost/ first, so `FROM fastapi-docker-test/python:3.13` resolves with no alias
  # and no search registry (none: a short name is never pulled from anywhere).
  cat >"$dir/registries.conf" <<EOF
# Written by scripts/engines.sh.
unqualified-search-registries = []

[[registry]]
location = "$MATRIX_REGISTRY"
insecure = true
EOF
}

podman_env() {
  local dir=$1
  # Podman 4.3.1's Docker-compatible build keeps no HEALTHCHECK (measured: also with
  # BUILDAH_FORMAT=docker in the service's environment and with outputformat=docker on the call);
  # the plugin fails such a build, so prod-healthcheck is not in the matrix's subset.
  printf '%s\n' CONTAINERS_STORAGE_CONF="$dir/storage.conf" CONTAINERS_CONF="$dir/containers.conf" \
    CONTAINERS_REGISTRIES_CONF="$dir/registries.conf"
}

podman_start() {
  local name=podman dir started pid
  dir=$(engine_dir "$name")
  local pidfile="$dir/podman.pid" logfile="$dir/podman.log"
  if pid=$(recorded_pid "$pidfile" podman); then
    engine_answers_at "$name" || die "$name: podman (pid $pid) runs but does not answer; see $logfile, or run: $0 down $name"
    log "$name: reusing the running podman system service (pid $pid): $(engine_version "$name")"
    return 0
  fi
  rm -f "$pidfile"
  podman_configure "$dir"
  rm -f "$dir/run/podman.sock"
  started=$(now)
  log "$name: starting podman system service, $(podman --version) (log: $logfile)"
  # setsid (not a group leader here) and env exec in place, so $! is podman itself.
  local -a settings
  mapfile -t settings < <(podman_env "$dir")
  setsid env "${settings[@]}" podman system service --time=0 "$(engine_host "$name")" \
    >>"$logfile" 2>&1 </dev/null 8>&- 9>&- &
  pid=$!
  printf '%s\n' "$pid" >"$pidfile"
  wait_for_engine "$name" "$pid" "$logfile" "$started"
  [[ $(cat "/proc/$pid/comm" 2>/dev/null) == podman ]] || log "$name: WARNING: pid $pid is not podman; down cannot stop it"
}

podman_stop() {
  local name=podman dir pid ids f cpid
  dir=$(engine_dir "$name")
  if pid=$(recorded_pid "$dir/podman.pid" podman); then
    # The service does not stop containers when it stops (dockerd does): remove this engine's
    # containers first, so that no conmon outlives it.
    if ids=$(CLI_SECONDS=20 edocker "$name" ps -aq 2>/dev/null) && [[ -n $ids ]]; then
      log "$name: removing its containers: $(echo "$ids" | tr '\n' ' ')"
      # shellcheck disable=SC2086 # one id a word
      CLI_SECONDS=60 edocker "$name" rm -f $ids >/dev/null 2>&1 || true
    fi
    stop_pid "$pid" "$name system service" "$STOP_TENTHS" || true
  fi
  rm -f "$dir/podman.pid"
  # Any conmon left (a container that would not go), by the pidfile it wrote.
  for f in "$dir"/runroot/overlay-containers/*/userdata/conmon.pid; do
    [[ -e $f ]] || continue
    if cpid=$(recorded_pid "$f" conmon); then
      stop_pid "$cpid" "$name conmon" 100 || true
    fi
  done
  # Podman 4.3.1 leaves the conmon of every exec session running, also after its container is
  # removed and the service stopped (measured with `docker exec` as with the plugin's exec), and
  # writes no pidfile for it. Each names this engine's storage in its command line, which is how
  # they are found: conmon processes of this engine, stopped by PID.
  local proc cmdline
  for proc in /proc/[0-9]*; do
    [[ $(cat "$proc/comm" 2>/dev/null) == conmon ]] || continue
    cmdline=$(tr '\0' ' ' <"$proc/cmdline" 2>/dev/null) || continue
    [[ $cmdline == *" -b $dir/storage/overlay-containers/"* ]] || continue
    stop_pid "${proc#/proc/}" "$name exec session's conmon" 10 || true
  done
  # containers/storage bind-mounts its overlay directory onto itself, and leaves it.
  unmount_all "" "$dir"
}

engine_start() {
  case $(engine_kind "$1") in
    docker) docker_start "$1" ;;
    podman) podman_start ;;
  esac
}

engine_stop() {
  case $(engine_kind "$1") in
    docker) docker_stop "$1" ;;
    podman) podman_stop ;;
  esac
}

# --- the test images ---------------------------------------------------------

# The recipe label of IMAGE on an engine (the docker command given).
image_recipe() {
  local image=$1
  shift
  "$@" image inspect --format "{{ index .Config.Labels \"$RECIPE_LABEL\" }}" "$image" 2>/dev/null
}

# The recipe labels of both test images on an engine (the docker command given), one line.
images_key() {
  local image out=""
  for image in "$MATRIX_BASE_IMAGE" "$MATRIX_INDEX_IMAGE"; do
    out+="$(image_recipe "$image" "$@" || echo absent) "
  done
  printf '%s\n' "$out"
}

# Saves both test images from the default engine once, into $IMAGES_TAR (reused while the default
# engine's images keep their recipe labels).
images_export() {
  local key started
  key=$(images_key sdocker)
  [[ $key == *absent* ]] && die "the default engine ($SOURCE_DOCKER_HOST) lacks $MATRIX_BASE_IMAGE or $MATRIX_INDEX_IMAGE: run scripts/test-world.sh up first"
  if [[ -s $IMAGES_TAR && $(cat "$IMAGES_TAR.key" 2>/dev/null) == "$key" ]]; then
    log "images: reusing $IMAGES_TAR"
    return 0
  fi
  started=$(now)
  rm -f "$IMAGES_TAR" "$IMAGES_TAR.key"
  CLI_SECONDS=$LOAD_SECONDS sdocker save -o "$IMAGES_TAR.tmp" "$MATRIX_BASE_IMAGE" "$MATRIX_INDEX_IMAGE" ||
    die "docker save $MATRIX_BASE_IMAGE $MATRIX_INDEX_IMAGE from $SOURCE_DOCKER_HOST failed"
  mv -f "$IMAGES_TAR.tmp" "$IMAGES_TAR"
  printf '%s\n' "$key" >"$IMAGES_TAR.key"
  log "images: saved $MATRIX_BASE_IMAGE and $MATRIX_INDEX_IMAGE from $SOURCE_DOCKER_HOST in $(elapsed "$started") s"
}

# Loads the test images into NAME unless it has them (same recipe labels), then checks that a
# build there finds the base image by the name the ITs use.
images_load() {
  local name=$1 started want have tags out took
  want=$(cat "$IMAGES_TAR.key")
  have=$(images_key edocker "$name")
  if [[ $have == "$want" ]]; then
    log "$name: has the test images already"
  else
    started=$(now)
    CLI_SECONDS=$LOAD_SECONDS edocker "$name" load -q -i "$IMAGES_TAR" >/dev/null ||
      die "$name: docker load of $IMAGES_TAR failed"
    took=$(elapsed "$started")
    have=$(images_key edocker "$name")
    [[ $have == "$want" ]] || die "$name: after docker load the images' recipes are '$have', not '$want'"
    printf 'load %s\n' "$took" >>"$(engine_dir "$name")/timing"
    log "$name: loaded the test images in $took s"
  fi
  # What the engine calls them (Podman: localhost/NAME:TAG).
  tags=$(edocker "$name" image inspect --format '{{join .RepoTags " "}}' "$MATRIX_BASE_IMAGE" "$MATRIX_INDEX_IMAGE" | tr '\n' ' ')
  log "$name: test images tagged ${tags% }"
  # The classic builder (docker-java's) must resolve the short name: a build with no RUN step.
  local check="fastapi-docker-engines-check/$name:latest"
  if ! out=$(printf 'FROM %s\nLABEL org.fastapi-docker-test.engine-check=%s\n' "$MATRIX_BASE_IMAGE" "$name" |
    CLI_SECONDS=120 edocker "$name" build -q -t "$check" - 2>&1); then
    printf '%s\n' "$out" >&2
    die "$name: a build FROM $MATRIX_BASE_IMAGE fails"
  fi
  edocker "$name" rmi -f "$check" >/dev/null 2>&1 || true
}

# --- commands ----------------------------------------------------------------

check_names() {
  local name
  for name in "$@"; do
    engine_kind "$name" >/dev/null
  done
}

cmd_up() {
  (($#)) || die "up: name the engines (${ENGINE_NAMES[*]})"
  check_names "$@"
  [[ $(id -u) == 0 ]] || die "only root can start the engines (chroot, mounts)"
  local started name need_chroot=no failed=()
  local -a needed=(docker:docker.io flock:util-linux mountpoint:util-linux)
  local -A job=()
  started=$(now)
  for name in "$@"; do
    case $name in
      docker28-tls) need_chroot=yes needed+=(openssl:openssl) ;;
      docker28-*) need_chroot=yes ;;
      podman) needed+=(podman:podman) ;;
    esac
  done
  if [[ $need_chroot == yes ]]; then
    needed+=(debootstrap:debootstrap)
  fi
  # All at once, before anything runs in parallel (two apt-gets would fight over dpkg's lock).
  ensure_commands "${needed[@]}"
  engines_lock
  # Everything that does not need the chroot starts while it is made: Podman and the image export.
  images_export &
  job[images]=$!
  for name in "$@"; do
    if [[ $(engine_kind "$name") == podman ]]; then
      engine_start "$name" &
      job[$name]=$!
    fi
  done
  if [[ $need_chroot == yes ]]; then
    # In a job of its own, so that errexit holds inside (it does not in a tested subshell).
    {
      rootfs_up
      chroot_mount
    } &
    if ! wait $!; then
      failed+=(chroot)
    else
      for name in "$@"; do
        if [[ $(engine_kind "$name") == docker ]]; then
          engine_start "$name" &
          job[$name]=$!
        fi
      done
    fi
  fi
  wait "${job[images]}" || failed+=(images)
  unset 'job[images]'
  local -a loads=()
  for name in "$@"; do
    [[ -n ${job[$name]:-} ]] || continue
    if ! wait "${job[$name]}"; then
      failed+=("$name")
    elif [[ ! " ${failed[*]} " == *" images "* ]]; then
      images_load "$name" &
      loads+=("$name:$!")
    fi
  done
  local entry
  for entry in "${loads[@]}"; do
    wait "${entry#*:}" || failed+=("${entry%%:*}")
  done
  if ((${#failed[@]})); then
    die "up failed for: ${failed[*]} (see the messages above; $0 down stops what started)"
  fi
  log "up: $* ready after $(elapsed "$started") s"
}

cmd_down() {
  local -a names=("$@")
  ((${#names[@]})) || names=("${ENGINE_NAMES[@]}")
  check_names "${names[@]}"
  [[ -d $ENGINES_DIR ]] || return 0
  engines_lock
  local name rc=0
  local -A job=()
  for name in "${names[@]}"; do
    engine_stop "$name" &
    job[$name]=$!
  done
  for name in "${names[@]}"; do
    wait "${job[$name]}" || rc=1
  done
  if ! docker_engines_running; then
    unmount_all "$CHROOT_MOUNTS" "$ROOTFS" || rc=1
  fi
  local -a left
  mapfile -t left < <(mounts_under "$ENGINES_DIR")
  if ((${#left[@]})); then
    if docker_engines_running || engine_pid podman >/dev/null; then
      log "down: still mounted for the engines that run: ${#left[@]} mounts under $ENGINES_DIR"
    else
      log "ERROR: still mounted under $ENGINES_DIR: ${left[*]}"
      rc=1
    fi
  fi
  return "$rc"
}

cmd_env() {
  (($# == 1)) || die "env: name one engine (${ENGINE_NAMES[*]})"
  check_names "$1"
  engine_env "$1"
}

engine_pid() {
  case $(engine_kind "$1") in
    docker) recorded_pid "$(engine_dir "$1")/dockerd.pid" dockerd ;;
    podman) recorded_pid "$(engine_dir "$1")/podman.pid" podman ;;
  esac
}

cmd_check() {
  check_names "$@"
  local name
  for name in "$@"; do
    engine_pid "$name" >/dev/null && engine_answers_at "$name" || return 1
  done
}

cmd_status() {
  local name pid
  for name in "${ENGINE_NAMES[@]}"; do
    pid=$(engine_pid "$name") || pid=""
    if [[ -n $pid ]]; then
      printf '%-20s pid %s at %s: %s\n' "$name" "$pid" "$(engine_host "$name")" "$(engine_version "$name")"
    else
      printf '%-20s not running\n' "$name"
    fi
  done
  printf 'mounts under %s: %s\n' "$ENGINES_DIR" "$(mounts_under "$ENGINES_DIR" | wc -l)"
}

engines_usage() {
  sed -n '/^# Usage:/,/^# The Docker engines/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//'
}

engines_main() {
  local command=${1:-}
  (($#)) && shift
  case $command in
    up) cmd_up "$@" ;;
    down) cmd_down "$@" ;;
    env) cmd_env "$@" ;;
    check) cmd_check "$@" ;;
    status) cmd_status ;;
    names) printf '%s\n' "${ENGINE_NAMES[@]}" ;;
    -h | --help | help) engines_usage ;;
    *)
      engines_usage >&2
      exit 2
      ;;
  esac
}

engines_main "$@"
