"""`make serve`: the production shape on this machine — nginx with TLS in front of gunicorn.

Run: ``make serve`` (or ``.venv/bin/python deploy/serve.py [--https-port 8443] [--http-port 8080]
[--listen 127.0.0.1] [--cert FILE --key FILE] [--access-log PATH|off] [--workers N]``).

It writes nginx's configuration (``deploy/nginx.conf`` and the files it includes, filled in),
a copy of ``static/`` with gzip and brotli versions of every text file, and nginx's own error
pages to a private run folder; makes a certificate for the trusted hosts when none is given
(kept in ``.cache/serve/tls/``); starts gunicorn (``deploy/gunicorn.conf.py``) on a Unix socket
in that folder and nginx in front of it; and stops both, removing the folder, on Ctrl-C or
SIGTERM, or when either exits. Settings (``TIMELINE_EVENTS``, ``TIMELINE_TRUSTED_HOSTS`` …) are
read from the environment as everywhere.
"""

from __future__ import annotations

import argparse
import fcntl
import gzip
import http.client
import ipaddress
import os
import pwd
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import brotli  # type: ignore[import-untyped]

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from timeline import settings  # noqa: E402
from timeline.web.security import HEADERS  # noqa: E402

DEPLOY = ROOT / "deploy"
TLS = ROOT / ".cache" / "serve" / "tls"
BROTLI_MODULE = Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")
COMPRESSIBLE = (".css", ".js", ".svg", ".json", ".txt", ".xml", ".html", ".ico", ".webmanifest", ".map")
ANY_ADDRESS = "0.0.0.0"  # noqa: S104 - only when asked for with --listen
START_SECONDS = 600.0  # a cold start at 100,000 events takes seconds; a broken file exits at once
ERRORS = {  # nginx's own error pages: status, title, message
    400: ("Bad request", "The request could not be read, or names a host this site does not answer to."),
    404: ("Not found", "There is nothing at this address."),
    405: ("Method not allowed", "This site only answers GET and HEAD requests."),
    408: ("Request timeout", "The request took too long to arrive."),
    413: ("Request too large", "This site takes no request bodies."),
    414: ("Address too long", "The address (with its query string) is too long."),
    500: ("Something went wrong", "The server hit a problem while answering."),
    503: ("Temporarily unavailable", "The site is restarting or busy. Try again in a moment."),
}


class Fatal(Exception):
    """A reason not to start, said to the user without a traceback."""


def nginx_binary() -> str:
    """The nginx executable (Debian puts it in /usr/sbin, which may not be on PATH)."""
    found = shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin:/usr/local/sbin")
    if found is None:
        raise Fatal(
            "nginx is not installed: `make serve` as root installs Debian's, or apt-get install nginx"
        )
    return found


def certificate(hosts: tuple[str, ...]) -> tuple[Path, Path]:
    """A self-signed certificate for ``hosts`` (kept, and remade when the hosts change or it ages)."""
    names = [name if not name.startswith(".") else "*" + name for name in hosts] or ["localhost"]
    wanted = ",".join(_subject_alt_name(name) for name in names)
    cert, key, stamp = TLS / "localhost.crt", TLS / "localhost.key", TLS / "hosts"
    TLS.mkdir(parents=True, exist_ok=True)
    with open(TLS / ".lock", "w") as lock:  # two servers starting at once make one certificate
        fcntl.flock(lock, fcntl.LOCK_EX)
        fresh = cert.is_file() and key.is_file() and stamp.is_file() and stamp.read_text() == wanted
        if not fresh or time.time() - cert.stat().st_mtime > 300 * 86400:
            _make_certificate(names, wanted, cert, key)
            stamp.write_text(wanted)
    return cert, key


def _make_certificate(names: list[str], wanted: str, cert: Path, key: Path) -> None:
    """Run openssl for a self-signed certificate (P-256, 398 days: what browsers accept)."""
    command = [
        "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
        "-days", "398", "-subj", f"/CN={names[0].lstrip('*.')}", "-addext", f"subjectAltName={wanted}",
        "-keyout", str(key), "-out", str(cert),
    ]  # fmt: skip
    made = subprocess.run(command, capture_output=True, text=True, check=False, umask=0o077)
    if made.returncode != 0:
        raise Fatal(f"openssl could not make a certificate: {made.stderr.strip()}")
    key.chmod(0o600)


def _subject_alt_name(name: str) -> str:
    try:
        return f"IP:{ipaddress.ip_address(name.strip('[]'))}"
    except ValueError:
        return f"DNS:{name}"


def precompress(source: Path, target: Path) -> None:
    """Copy ``source`` to ``target`` with .gz and .br versions of text files (when smaller)."""
    shutil.copytree(source, target)
    for path in sorted(target.rglob("*")):
        if not path.is_file() or path.suffix not in COMPRESSIBLE:
            continue
        data = path.read_bytes()
        packed = {
            ".gz": gzip.compress(data, compresslevel=9, mtime=0),
            ".br": brotli.compress(data, quality=11),
        }
        stat = path.stat()
        for suffix, body in packed.items():
            if len(body) < len(data):
                out = path.with_name(path.name + suffix)
                out.write_bytes(body)
                os.utime(out, ns=(stat.st_atime_ns, stat.st_mtime_ns))


def render(template: Path, values: dict[str, str]) -> str:
    """``template`` with each ``@NAME@`` replaced."""
    text = template.read_text(encoding="utf-8")
    for name, value in values.items():
        text = text.replace(f"@{name}@", value)
    return text


def write_config(run: Path, args: argparse.Namespace, hosts: tuple[str, ...]) -> Path:
    """nginx's configuration, its snippets, the static copy and the error pages, in ``run``."""
    cert, key = (Path(args.cert), Path(args.key)) if args.cert else certificate(hosts)
    is_root = os.geteuid() == 0
    values = {
        "RUN": str(run),
        "USER": f"user {_worker_user()};" if is_root else "",
        "LISTEN": args.listen if ":" not in args.listen else f"[{args.listen}]",
        "HTTP_PORT": str(args.http_port),
        "HTTPS_PORT": str(args.https_port),
        "HTTPS_SUFFIX": "" if args.https_port == 443 else f":{args.https_port}",
        "HOSTS": " ".join(name if not name.startswith(".") else "*" + name for name in hosts) or "_",
        "CERT": str(cert.resolve()),
        "KEY": str(key.resolve()),
        "ACCESS_LOG": "off" if args.access_log == "off" else f"{args.access_log} combined",
        "BROTLI_MODULE": f"load_module {BROTLI_MODULE};" if BROTLI_MODULE.exists() else "",
        "BROTLI_STATIC": "brotli_static on;" if BROTLI_MODULE.exists() else "",
    }
    for name in ("nginx.conf", "proxy.conf", "error-pages.conf"):
        (run / name).write_text(render(DEPLOY / name, values), encoding="utf-8")
    write_headers(run)
    (run / "temp").mkdir()
    precompress(ROOT / "static", run / "static")
    (run / "_errors").mkdir()
    for code, (title, message) in ERRORS.items():
        page = render(DEPLOY / "error.html", {"CODE": str(code), "TITLE": title, "MESSAGE": message})
        (run / "_errors" / f"{code}.html").write_text(page, encoding="utf-8")
    return run / "nginx.conf"


def write_headers(run: Path) -> None:
    """The app's security headers as nginx directives: always, and only where upstream lacks them."""
    always, maps, fallback = [], [], []
    for name, value in HEADERS.items():
        always.append(f'add_header {name} "{value}" always;')
        variable = "$fallback_" + name.lower().replace("-", "_")
        upstream = "$upstream_http_" + name.lower().replace("-", "_")
        maps.append(f'map {upstream} {variable} {{\n    "" "{value}";\n    default "";\n}}')
        fallback.append(f"add_header {name} {variable} always;")  # an empty value adds nothing
    (run / "security-headers.conf").write_text("\n".join(always) + "\n", encoding="utf-8")
    (run / "security-fallback-maps.conf").write_text("\n".join(maps) + "\n", encoding="utf-8")
    (run / "security-fallback.conf").write_text("\n".join(fallback) + "\n", encoding="utf-8")


def _worker_user() -> str:
    """Who nginx's workers run as when it is started as root."""
    for name in ("www-data", "nobody"):
        try:
            pwd.getpwnam(name)
        except KeyError:
            continue
        return name
    return "nobody"


def wait_until(
    ready: Callable[[], bool], process: subprocess.Popen[bytes], what: str, seconds: float
) -> None:
    """Wait for ``ready`` while ``process`` lives (Fatal if it exits or time runs out)."""
    deadline = time.monotonic() + seconds
    while not ready():
        if process.poll() is not None:
            raise Fatal(f"{what} exited with status {process.returncode} (its messages are above)")
        if time.monotonic() > deadline:
            raise Fatal(f"{what} did not start within {seconds:.0f} s")
        time.sleep(0.1)


def socket_answers(path: Path) -> bool:
    """True once gunicorn answers /healthz on its Unix socket."""
    connection = http.client.HTTPConnection("localhost", timeout=5)
    try:
        connection.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        connection.sock.settimeout(5)
        connection.sock.connect(os.fspath(path))
        connection.request("GET", "/healthz", headers={"Host": "localhost"})
        return connection.getresponse().status in (200, 400)  # 400: localhost is not a trusted host
    except OSError:
        return False
    finally:
        connection.close()


def port_open(host: str, port: int) -> bool:
    """True once something accepts connections on ``host:port``."""
    try:
        with socket.create_connection((host, port), timeout=1):
            return True
    except OSError:
        return False


def stop(process: subprocess.Popen[bytes], sig: int = signal.SIGTERM) -> None:
    """Stop ``process`` (its own children go with it), waiting for it."""
    if process.poll() is None:
        process.send_signal(sig)
        try:
            process.wait(timeout=35)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def serve(args: argparse.Namespace) -> int:
    """Start gunicorn and nginx, and keep them running until told to stop."""
    try:
        hosts = settings.resolve({})["TIMELINE_TRUSTED_HOSTS"]
    except settings.SettingError as exc:
        raise Fatal(str(exc)) from None
    nginx = nginx_binary()
    run = Path(tempfile.mkdtemp(prefix="timeline-serve-"))
    run.chmod(0o755)  # nginx's workers (www-data when started as root) read the static copy here
    processes: dict[str, subprocess.Popen[bytes]] = {}  # started so far, by name
    stopping = False

    def on_signal(signum: int, frame: object) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    try:
        conf = write_config(run, args, hosts)
        checked = subprocess.run(
            [nginx, "-t", "-q", "-c", str(conf)], capture_output=True, text=True, check=False
        )
        if checked.returncode != 0:
            raise Fatal(f"nginx refuses the configuration:\n{checked.stderr.strip()}")
        sock = run / "gunicorn.sock"
        gunicorn = [
            str(Path(sys.executable).parent / "gunicorn"),
            "--config",
            str(DEPLOY / "gunicorn.conf.py"),
        ]
        gunicorn += ["--bind", f"unix:{sock}"] + (["--workers", str(args.workers)] if args.workers else [])
        processes["gunicorn"] = app = subprocess.Popen(gunicorn, cwd=ROOT)
        wait_until(lambda: socket_answers(sock), app, "gunicorn", START_SECONDS)
        processes["nginx"] = front = subprocess.Popen([nginx, "-c", str(conf)], cwd=run)
        probe = "127.0.0.1" if args.listen in (ANY_ADDRESS, "127.0.0.1") else args.listen.strip("[]")
        wait_until(lambda: port_open(probe, args.https_port), front, "nginx", 30)
        shown = "127.0.0.1" if args.listen == ANY_ADDRESS else args.listen
        print(
            f"Serving https://{shown}:{args.https_port}/ (http://{shown}:{args.http_port}/ redirects to it); "
            "Ctrl-C stops.",
            flush=True,
        )
        while not stopping and all(p.poll() is None for p in processes.values()):
            time.sleep(0.2)
        failed = not stopping
        if failed:
            print("serve: a server stopped on its own; stopping the other", file=sys.stderr)
        return 1 if failed else 0
    finally:
        if "nginx" in processes:  # first, and gracefully (SIGQUIT: it finishes what it is sending)
            stop(processes["nginx"], signal.SIGQUIT)
        if "gunicorn" in processes:
            stop(processes["gunicorn"], signal.SIGTERM)
        shutil.rmtree(run, ignore_errors=True)


def main() -> int:
    """Command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--https-port", type=int, default=8443)
    parser.add_argument("--http-port", type=int, default=8080)
    parser.add_argument("--listen", default="127.0.0.1", help="the address to listen on (default 127.0.0.1)")
    parser.add_argument("--cert", help="a certificate (chain) file; default: one made for the trusted hosts")
    parser.add_argument("--key", help="the certificate's private key")
    parser.add_argument("--access-log", default="/dev/stdout", help="nginx's access log: a path, or off")
    parser.add_argument("--workers", type=int, help="gunicorn workers (default: deploy/gunicorn.conf.py)")
    args = parser.parse_args()
    if bool(args.cert) != bool(args.key):
        parser.error("--cert and --key go together")
    try:
        return serve(args)
    except Fatal as exc:
        print(f"serve: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
