#!/usr/bin/python3
"""TEST STAND-IN for fastapi-cli's ``fastapi`` command. Not the real fastapi-cli.

Why this exists: the project's integration tests run images built FROM a local
test base image (see scripts/test-world.sh), made from Debian packages because
the test machines reach neither Docker Hub nor PyPI. Debian's python3-fastapi
does not ship fastapi-cli, so the ``fastapi run ...`` CMD that the plugin
generates (as FastAPI's container guide prescribes) would fail there.
test-world.sh installs this file as /usr/local/bin/fastapi in that test image
only. On a machine with the official image (``pip install "fastapi[standard]"``)
the real CLI is used instead and this file plays no part.

It keeps the ``fastapi run`` contract the generated Dockerfiles rely on:

    fastapi run [PATH] [--host H] [--port P] [--workers N] [--reload]
                [--proxy-headers | --no-proxy-headers]
                [--forwarded-allow-ips V] [--root-path V] [--app NAME]

- PATH defaults to the first of main.py, app.py, api.py, app/main.py,
  app/app.py, app/api.py that exists.
- Directories holding ``__init__.py`` are walked upwards to build the dotted
  module name; the directory above the top package goes first on sys.path.
- The app variable is ``--app``, else ``app``, else ``api``, else the first
  FastAPI instance in the module.
- --host defaults to 0.0.0.0, --port to 8000 or env PORT, --proxy-headers is on
  by default, --forwarded-allow-ips unset lets uvicorn read env
  FORWARDED_ALLOW_IPS (default 127.0.0.1).

uvicorn runs inside this very process (no shell, no exec of another program),
so when this is the container's exec-form CMD, process 1 is this Python
process: SIGTERM from ``docker stop`` reaches uvicorn's handlers and the app's
lifespan shutdown runs. ``fastapi dev`` is the same with reload on and host
127.0.0.1, kept only for completeness.
"""

import argparse
import importlib
import os
import sys
import traceback
from pathlib import Path

# Order taken from fastapi-cli's documented default-path search.
DEFAULT_PATHS = ("main.py", "app.py", "api.py", "app/main.py", "app/app.py", "app/api.py")


class StandinError(Exception):
    """A user-facing error: printed without a traceback, exit code 1."""


def log(message):
    # Flushed at once: container logs are read while the server is running.
    print(f"fastapi (test stand-in): {message}", file=sys.stderr, flush=True)


def default_path():
    for candidate in DEFAULT_PATHS:
        if Path(candidate).is_file():
            return Path(candidate)
    raise StandinError("Could not find a default file to run, please provide an explicit path")


def module_data(path):
    """Return (dotted module name, directory to put on sys.path) for PATH."""
    use_path = path.resolve()
    module_path = use_path
    # A package's __init__.py stands for the package itself.
    if use_path.is_file() and use_path.stem == "__init__":
        module_path = use_path.parent
    parts = [module_path]
    extra_sys_path = module_path.parent
    # Every enclosing directory with an __init__.py is part of the dotted name.
    for parent in module_path.parents:
        if (parent / "__init__.py").is_file():
            parts.insert(0, parent)
            extra_sys_path = parent.parent
        else:
            break
    return ".".join(p.stem for p in parts), extra_sys_path.resolve()


def find_app_name(module_name, wanted):
    # Imported here, not at the top, so that `--help` works even without FastAPI.
    from fastapi import FastAPI

    module = importlib.import_module(module_name)
    names = dir(module)
    if wanted:
        if wanted not in names:
            raise StandinError(f"Could not find app name {wanted} in {module_name}")
        if not isinstance(getattr(module, wanted), FastAPI):
            raise StandinError(f"The app name {wanted} in {module_name} doesn't seem to be a FastAPI app")
        return wanted
    for preferred in ("app", "api"):
        if preferred in names and isinstance(getattr(module, preferred), FastAPI):
            return preferred
    for name in names:
        if isinstance(getattr(module, name), FastAPI):
            return name
    raise StandinError("Could not find FastAPI app in module, try using --app")


def env_port():
    raw = os.environ.get("PORT")
    if raw is None or raw == "":
        return 8000
    try:
        return int(raw)
    except ValueError:
        raise SystemExit(f"fastapi (test stand-in): invalid PORT environment value {raw!r}") from None


def build_parser():
    parser = argparse.ArgumentParser(
        prog="fastapi",
        description="TEST STAND-IN for fastapi-cli: runs a FastAPI app with uvicorn.",
    )
    parser.add_argument("--version", action="store_true", help="show versions and exit")
    commands = parser.add_subparsers(dest="command")
    for command, host, reload in (("run", "0.0.0.0", False), ("dev", "127.0.0.1", True)):
        sub = commands.add_parser(command, help=f"fastapi {command} (test stand-in)")
        sub.add_argument("path", nargs="?", type=Path, help="Python file or package directory")
        sub.add_argument("--host", default=host)
        sub.add_argument("--port", type=int, default=None, help="default: env PORT, else 8000")
        sub.add_argument("--reload", action=argparse.BooleanOptionalAction, default=reload)
        sub.add_argument("--workers", type=int, default=None)
        sub.add_argument("--root-path", default="")
        sub.add_argument("--app", default=None, help="name of the FastAPI variable")
        sub.add_argument("--proxy-headers", action=argparse.BooleanOptionalAction, default=True)
        sub.add_argument("--forwarded-allow-ips", default=None)
    return parser


def print_versions():
    import platform
    from importlib.metadata import version

    print(f"Python version: {platform.python_version()}")
    print(f"FastAPI version: {version('fastapi')}")
    print(f"Uvicorn version: {version('uvicorn')}")
    print("FastAPI CLI version: none (this is the project's TEST STAND-IN)")


def main(argv):
    args = build_parser().parse_args(argv)
    if args.version:
        print_versions()
        return 0
    if args.command is None:
        build_parser().print_help()
        return 2
    port = args.port if args.port is not None else env_port()
    try:
        path = args.path if args.path is not None else default_path()
        log(f"Starting {'production' if args.command == 'run' else 'development'} server")
        log(f"Using path {path} (resolved {path.resolve()})")
        if not path.exists():
            raise StandinError(f"Path does not exist {path}")
        module_name, extra_sys_path = module_data(path)
        log(f"Importing from {extra_sys_path}, module {module_name}")
        sys.path.insert(0, str(extra_sys_path))
        app_name = find_app_name(module_name, args.app)
    except StandinError as error:
        log(f"ERROR: {error}")
        return 1
    except Exception:  # noqa: BLE001 - any import-time failure of the user's app
        # The traceback is what a developer needs to see in `docker logs`.
        traceback.print_exc()
        log("ERROR: could not import the app (ensure every package directory has an __init__.py)")
        return 1

    import_string = f"{module_name}:{app_name}"
    log(f"Importable FastAPI app: from {module_name} import {app_name}")
    log(f"Using import string {import_string}")
    log(f"Server started at http://{args.host}:{port}")
    log(f"Documentation at http://{args.host}:{port}/docs")

    import uvicorn

    # An import string rather than the app object: uvicorn needs one to
    # start --workers > 1 (and --reload), and each worker re-imports it with
    # the sys.path set above, which multiprocessing's spawn passes on.
    uvicorn.run(
        import_string,
        host=args.host,
        port=port,
        reload=args.reload,
        workers=args.workers,
        root_path=args.root_path,
        proxy_headers=args.proxy_headers,
        forwarded_allow_ips=args.forwarded_allow_ips,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
