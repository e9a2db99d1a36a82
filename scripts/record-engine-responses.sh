#!/usr/bin/env bash
# Records the Engine API answers that DockerJavaEngineTest replays (src/test/resources/engine/).
# Each file is the HTTP answer as it came: status line, headers, blank line, body bytes.
# Needs a local engine on SOCK (default /var/run/docker.sock), the test image
# fastapi-docker-test/python:3.13 and the test registry with htpasswd on 127.0.0.1:5555.
# Removes what it creates.
#
#   SOCK   the engine's socket; the docker CLI used for the clean-up talks to the same one
#   OUT    where the recordings go (Podman's: OUT=src/test/resources/engine/podman-4.3.1)
#   ONLY   record only these files (space-separated names), leave the others as they are
#   PLAIN_HTTP_REGISTRY  the test registry under a name the engine does not take as insecure
#          (default localhost:PORT: dockerd takes localhost as insecure, Podman only what its
#          registries.conf marks), for push-plain-http.http
#   PARTS  comma-separated, default base,production: record only some of them
#          base        ping, version, builds, images, containers, pushes
#          production  a non-root image with a health check: exec, its image and its health states
set -euo pipefail
PARTS=${PARTS:-base,production}
part() { [[ ,$PARTS, == *,$1,* ]]; }
SOCK=${SOCK:-/var/run/docker.sock}
export DOCKER_HOST=unix://$SOCK
OUT=${OUT:-$(cd "$(dirname "$0")/.." && pwd)/src/test/resources/engine}
BASE=${BASE:-fastapi-docker-test/python:3.13}
REGISTRY=${REGISTRY:-127.0.0.1:5555}
PLAIN_HTTP_REGISTRY=${PLAIN_HTTP_REGISTRY:-localhost:${REGISTRY##*:}}
USER_NAME=${USER_NAME:-fastapi-test}
ONLY=${ONLY:-}
NAME=fastapi-rec-$$
mkdir -p "$OUT"
WORK=$(mktemp -d)
mkdir -p "$WORK/rec"
cleanup() {
    docker ps -aq --filter "label=fastapi-rec=$NAME" | xargs -r docker rm -f >/dev/null 2>&1 || true
    docker images -q --filter "reference=$NAME*" | xargs -r docker rmi -f >/dev/null 2>&1 || true
    docker images -q --filter "reference=$REGISTRY/$NAME*" | xargs -r docker rmi -f >/dev/null 2>&1 || true
    docker images -q --filter "reference=*/$NAME*" | xargs -r docker rmi -f >/dev/null 2>&1 || true
    rm -rf "$WORK"
}
trap cleanup EXIT

# record FILE METHOD PATH [curl args...]: the whole answer into $WORK/rec/FILE, and into
# $OUT/FILE unless ONLY leaves it out
record() {
    local file=$1 method=$2 path=$3
    shift 3
    curl -sS --unix-socket "$SOCK" -H 'Expect:' -X "$method" -D "$WORK/h" -o "$WORK/b" "$@" "http://localhost$path"
    # Only the last header block (no 100 Continue).
    awk 'BEGIN{RS="\r\n\r\n"} {last=$0} END{printf "%s\r\n\r\n", last}' "$WORK/h" | tr -d '\r' > "$WORK/rec/$file"
    cat "$WORK/b" >> "$WORK/rec/$file"
    if [[ -z $ONLY || " $ONLY " == *" $file "* ]]; then
        cp "$WORK/rec/$file" "$OUT/$file"
        echo "$file: $(head -1 "$OUT/$file")"
    fi
}
enc() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$1"; }

if part base; then
record ping.http GET /_ping
record version.http GET /version

# Builds: one that succeeds, one whose RUN fails.
mkdir -p "$WORK/ok" "$WORK/bad"
printf 'FROM %s\nLABEL fastapi-rec=%s\nRUN echo built-by-the-recorder\nCMD ["sh"]\n' "$BASE" "$NAME" > "$WORK/ok/Dockerfile"
printf 'FROM %s\nLABEL fastapi-rec=%s\nRUN echo about to fail && exit 3\n' "$BASE" "$NAME" > "$WORK/bad/Dockerfile"
tar -C "$WORK/ok" -cf "$WORK/ok.tar" Dockerfile
tar -C "$WORK/bad" -cf "$WORK/bad.tar" Dockerfile
LABELS=$(enc "{\"fastapi-rec\":\"$NAME\"}")
record build-ok.http POST "/build?t=$NAME:1.0&rm=1&forcerm=1&nocache=1&labels=$LABELS&networkmode=host" \
    -H 'Content-Type: application/x-tar' --data-binary "@$WORK/ok.tar"
# The same build again, with the cache: every step after FROM is a cache hit.
record build-cached.http POST "/build?t=$NAME:1.0&rm=1&forcerm=1&labels=$LABELS&networkmode=host" \
    -H 'Content-Type: application/x-tar' --data-binary "@$WORK/ok.tar"
record build-failing-run.http POST "/build?t=$NAME:bad&rm=1&forcerm=1&networkmode=host" \
    -H 'Content-Type: application/x-tar' --data-binary "@$WORK/bad.tar"
printf 'FROM %s\nNOPE x\n' "$BASE" > "$WORK/bad/Dockerfile"
tar -C "$WORK/bad" -cf "$WORK/bad2.tar" Dockerfile
record build-bad-dockerfile.http POST "/build?t=$NAME:bad2&rm=1&forcerm=1" \
    -H 'Content-Type: application/x-tar' --data-binary "@$WORK/bad2.tar"

record image-inspect.http GET "/images/$(enc "$NAME:1.0")/json"
record image-inspect-404.http GET "/images/$(enc "$NAME:missing")/json"
record tag.http POST "/images/$(enc "$NAME:1.0")/tag?repo=$(enc "$REGISTRY/$NAME")&tag=1.0&force=1"
record tag-404.http POST "/images/$(enc "$NAME:missing")/tag?repo=$(enc "$REGISTRY/$NAME")&tag=1.0&force=1"

# Containers: created with port bindings on the host network (the engine keeps no ports there).
CREATE="{\"Image\":\"$NAME:1.0\",\"Cmd\":[\"sh\",\"-c\",\"echo to-stdout; echo to-stderr >&2; echo second line; exec sleep 60\"],\"Env\":[\"A=1\"],\"Labels\":{\"fastapi-rec\":\"$NAME\"},\"ExposedPorts\":{\"80/tcp\":{}},\"HostConfig\":{\"NetworkMode\":\"host\",\"PortBindings\":{\"80/tcp\":[{\"HostIp\":\"127.0.0.1\",\"HostPort\":\"18080\"}]},\"Init\":false}}"
record container-create.http POST /containers/create -H 'Content-Type: application/json' -d "$CREATE"
ID=$(sed -n 's/.*"Id":"\([0-9a-f]*\)".*/\1/p' "$WORK/rec/container-create.http")
record container-create-404.http POST /containers/create -H 'Content-Type: application/json' \
    -d "{\"Image\":\"$NAME:missing\",\"Labels\":{\"fastapi-rec\":\"$NAME\"}}"
record container-inspect-created.http GET "/containers/$ID/json"
record container-start.http POST "/containers/$ID/start"
record container-start-again.http POST "/containers/$ID/start"
sleep 1
record container-inspect-running.http GET "/containers/$ID/json"
record container-logs.http GET "/containers/$ID/logs?stdout=1&stderr=1&tail=100"
record containers-list.http GET "/containers/json?all=1&filters=$(enc "{\"label\":[\"fastapi-rec=$NAME\"]}")"
record container-stop.http POST "/containers/$ID/stop?t=1"
record container-stop-again.http POST "/containers/$ID/stop?t=1"
record container-inspect-exited.http GET "/containers/$ID/json"
record container-remove.http DELETE "/containers/$ID?force=1&v=1"
record container-remove-404.http DELETE "/containers/$ID?force=1&v=1"
record container-inspect-404.http GET "/containers/$ID/json"
record container-logs-404.http GET "/containers/$ID/logs?stdout=1&stderr=1&tail=100"
record container-stop-404.http POST "/containers/$ID/stop?t=1"

# A TTY container: its logs come raw, not multiplexed.
TTY="{\"Image\":\"$NAME:1.0\",\"Tty\":true,\"Cmd\":[\"sh\",\"-c\",\"echo tty-line-1; echo tty-line-2\"],\"Labels\":{\"fastapi-rec\":\"$NAME\"},\"HostConfig\":{\"NetworkMode\":\"host\"}}"
TID=$(curl -sS --unix-socket "$SOCK" -H 'Content-Type: application/json' -d "$TTY" http://localhost/containers/create | sed -n 's/.*"Id":"\([0-9a-f]*\)".*/\1/p')
curl -sS --unix-socket "$SOCK" -X POST "http://localhost/containers/$TID/start"
curl -sS --unix-socket "$SOCK" -X POST "http://localhost/containers/$TID/wait" >/dev/null
record container-logs-tty.http GET "/containers/$TID/logs?stdout=1&stderr=1&tail=100"

# 409: a second forced removal while the first is under way (tried until it happens).
for i in $(seq 1 20); do
    RID=$(curl -sS --unix-socket "$SOCK" -H 'Content-Type: application/json' \
        -d "{\"Image\":\"$NAME:1.0\",\"Cmd\":[\"sleep\",\"60\"],\"Labels\":{\"fastapi-rec\":\"$NAME\"},\"HostConfig\":{\"NetworkMode\":\"host\"}}" \
        http://localhost/containers/create | sed -n 's/.*"Id":"\([0-9a-f]*\)".*/\1/p')
    curl -sS --unix-socket "$SOCK" -X POST "http://localhost/containers/$RID/start"
    curl -sS --unix-socket "$SOCK" -X DELETE "http://localhost/containers/$RID?force=1&v=1" >/dev/null &
    sleep 0.05
    record container-remove-409.http DELETE "/containers/$RID?force=1&v=1" >/dev/null
    wait
    if head -1 "$WORK/rec/container-remove-409.http" | grep -q ' 409 '; then
        [[ -n $ONLY && " $ONLY " != *" container-remove-409.http "* ]] ||
            echo "container-remove-409.http: $(head -1 "$WORK/rec/container-remove-409.http") (try $i)"
        break
    fi
done
# Podman removes at once: its second removal is a 404, which is not this recording.
if ! head -1 "$WORK/rec/container-remove-409.http" | grep -q ' 409 ' && [[ -z $ONLY || " $ONLY " == *" container-remove-409.http "* ]]; then
    rm -f "$OUT/container-remove-409.http"
    echo "container-remove-409.http: no 409 in 20 tries; not recorded"
fi

# Pushes to the htpasswd registry: a wrong password, the right one, and a registry that is down.
auth() { python3 -c 'import sys, json, base64; print(base64.urlsafe_b64encode(json.dumps(json.loads(sys.argv[1])).encode()).decode())' "$1"; }
WRONG=$(auth "{\"username\":\"$USER_NAME\",\"password\":\"wrong-recorder-pass\",\"serveraddress\":\"$REGISTRY\"}")
record push-wrong-password.http POST "/images/$(enc "$REGISTRY/$NAME")/push?tag=1.0" -H "X-Registry-Auth: $WRONG"
if [ -n "${REGISTRY_PASSWORD:-}" ]; then
    RIGHT=$(auth "{\"username\":\"$USER_NAME\",\"password\":\"$REGISTRY_PASSWORD\",\"serveraddress\":\"$REGISTRY\"}")
    record push-ok.http POST "/images/$(enc "$REGISTRY/$NAME")/push?tag=1.0" -H "X-Registry-Auth: $RIGHT"
    record push-again.http POST "/images/$(enc "$REGISTRY/$NAME")/push?tag=1.0" -H "X-Registry-Auth: $RIGHT"
fi
record push-anonymous.http POST "/images/$(enc "$REGISTRY/$NAME")/push?tag=1.0" -H "X-Registry-Auth: $(auth '{}')"
record push-404.http POST "/images/$(enc "$REGISTRY/$NAME")/push?tag=missing" -H "X-Registry-Auth: $(auth '{}')"
curl -sS --unix-socket "$SOCK" -X POST "http://localhost/images/$(enc "$NAME:1.0")/tag?repo=$(enc "127.0.0.1:5599/$NAME")&tag=1.0" >/dev/null
record push-registry-down.http POST "/images/$(enc "127.0.0.1:5599/$NAME")/push?tag=1.0" -H "X-Registry-Auth: $(auth '{}')"
docker rmi "127.0.0.1:5599/$NAME:1.0" >/dev/null

# The registry under a name the engine speaks HTTPS to: Podman's "server gave HTTP response to
# HTTPS client" (dockerd takes localhost as insecure and pushes).
curl -sS --unix-socket "$SOCK" -X POST "http://localhost/images/$(enc "$NAME:1.0")/tag?repo=$(enc "$PLAIN_HTTP_REGISTRY/$NAME")&tag=1.0" >/dev/null
record push-plain-http.http POST "/images/$(enc "$PLAIN_HTTP_REGISTRY/$NAME")/push?tag=1.0" -H "X-Registry-Auth: $(auth '{}')"
docker rmi "$PLAIN_HTTP_REGISTRY/$NAME:1.0" >/dev/null
fi

if part production; then
# A non-root image with a health check (a file that only one of its containers makes): the smoke
# test reads the uid of process 1 through exec, and waits for the health states.
mkdir -p "$WORK/prod"
printf 'FROM %s\nLABEL fastapi-rec=%s\nUSER 10001:10001\nHEALTHCHECK --interval=1s --timeout=2s --start-period=1s --retries=2 CMD ["sh", "-c", "echo checking /tmp/healthy; test -e /tmp/healthy"]\nCMD ["sh", "-c", "echo started; exec sleep 60"]\n' "$BASE" "$NAME" > "$WORK/prod/Dockerfile"
tar -C "$WORK/prod" -cf "$WORK/prod.tar" Dockerfile
curl -sS --unix-socket "$SOCK" -X POST -H 'Content-Type: application/x-tar' --data-binary "@$WORK/prod.tar" \
    "http://localhost/build?t=$NAME:prod&rm=1&forcerm=1" >/dev/null
record image-inspect-production.http GET "/images/$(enc "$NAME:prod")/json"
# A repo digest once the registry has it.
if [ -n "${REGISTRY_PASSWORD:-}" ]; then
    auth() { python3 -c 'import sys, json, base64; print(base64.urlsafe_b64encode(json.dumps(json.loads(sys.argv[1])).encode()).decode())' "$1"; }
    RIGHT=$(auth "{\"username\":\"$USER_NAME\",\"password\":\"$REGISTRY_PASSWORD\",\"serveraddress\":\"$REGISTRY\"}")
    curl -sS --unix-socket "$SOCK" -X POST "http://localhost/images/$(enc "$NAME:prod")/tag?repo=$(enc "$REGISTRY/$NAME")&tag=prod" >/dev/null
    curl -sS --unix-socket "$SOCK" -X POST -H "X-Registry-Auth: $RIGHT" "http://localhost/images/$(enc "$REGISTRY/$NAME")/push?tag=prod" >/dev/null
    record image-inspect-pushed.http GET "/images/$(enc "$NAME:prod")/json"
fi
run_prod() { # run_prod CMD: a started container of the production image; prints its id
    local id
    id=$(curl -sS --unix-socket "$SOCK" -H 'Content-Type: application/json' \
        -d "{\"Image\":\"$NAME:prod\",\"Cmd\":$1,\"Labels\":{\"fastapi-rec\":\"$NAME\"},\"Healthcheck\":{\"Interval\":500000000},\"HostConfig\":{\"NetworkMode\":\"host\"}}" \
        http://localhost/containers/create | sed -n 's/.*"Id":"\([0-9a-f]*\)".*/\1/p')
    curl -sS --unix-socket "$SOCK" -X POST "http://localhost/containers/$id/start"
    printf '%s\n' "$id"
}
HID=$(run_prod '["sh","-c","touch /tmp/healthy; echo started; exec sleep 60"]')
UID_=$(run_prod '["sh","-c","echo started; exec sleep 60"]')
record container-inspect-starting.http GET "/containers/$HID/json"
record exec-create.http POST "/containers/$HID/exec" -H 'Content-Type: application/json' \
    -d '{"AttachStdout":true,"AttachStderr":true,"Cmd":["cat","/proc/1/status"]}'
EID=$(sed -n 's/.*"Id":"\([0-9a-f]*\)".*/\1/p' "$OUT/exec-create.http")
record exec-start.http POST "/exec/$EID/start" -H 'Content-Type: application/json' -d '{"Detach":false,"Tty":false}'
record exec-inspect.http GET "/exec/$EID/json"
MID=$(curl -sS --unix-socket "$SOCK" -H 'Content-Type: application/json' \
    -d '{"AttachStdout":true,"AttachStderr":true,"Cmd":["no-such-program"]}' \
    "http://localhost/containers/$HID/exec" | sed -n 's/.*"Id":"\([0-9a-f]*\)".*/\1/p')
record exec-start-missing.http POST "/exec/$MID/start" -H 'Content-Type: application/json' -d '{"Detach":false,"Tty":false}'
record exec-inspect-missing.http GET "/exec/$MID/json"
# The health states: bounded waits (at most 20 s each).
health() { curl -sS --unix-socket "$SOCK" "http://localhost/containers/$1/json" | python3 -c 'import sys, json; print(((json.load(sys.stdin).get("State") or {}).get("Health") or {}).get("Status", ""))'; }
for _ in $(seq 1 40); do [[ $(health "$HID") == healthy ]] && break; sleep 0.5; done
record container-inspect-healthy.http GET "/containers/$HID/json"
for _ in $(seq 1 40); do [[ $(health "$UID_") == unhealthy ]] && break; sleep 0.5; done
record container-inspect-unhealthy.http GET "/containers/$UID_/json"
curl -sS --unix-socket "$SOCK" -X POST "http://localhost/containers/$HID/stop?t=1" >/dev/null
record exec-create-409.http POST "/containers/$HID/exec" -H 'Content-Type: application/json' \
    -d '{"AttachStdout":true,"AttachStderr":true,"Cmd":["cat","/proc/1/status"]}'
fi
