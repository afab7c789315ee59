"""Start a real single-node Elasticsearch 8.19 on loopback from Maven Central's integ-test zip.

The distribution is downloaded once into ``.cache/elasticsearch`` (git-ignored), checked
against its published SHA-512, and run on the machine's JDK with a small heap as the
``sprachrohr-es`` system user. German hunspell dictionaries from Debian's hunspell-de-de
are installed into the node's config so the core analysis chain can stem German.
"""

import hashlib
import os
import shutil
import signal
import subprocess
import tempfile
import urllib.request
import zipfile
from dataclasses import dataclass
from pathlib import Path

from .common import (
    ServiceError,
    as_user,
    chown_tree,
    ensure_system_user,
    free_port,
    is_root,
    wait_until,
)

ES_VERSION = os.environ.get("ELASTICSEARCH_VERSION", "8.19.21")
ES_USER = "sprachrohr-es"
MAVEN = os.environ.get("MAVEN_REPOSITORY", "https://repo.maven.apache.org/maven2")
REPO_ROOT = Path(__file__).resolve().parents[2]
CACHE_DIR = Path(os.environ.get("SPRACHROHR_CACHE_DIR", REPO_ROOT / ".cache")) / "elasticsearch"
HUNSPELL_DIRS = [Path("/usr/share/hunspell"), Path("/usr/share/myspell/dicts")]


def _zip_url(version: str) -> str:
    return (
        f"{MAVEN}/org/elasticsearch/distribution/integ-test-zip/elasticsearch/"
        f"{version}/elasticsearch-{version}.zip"
    )


def _download(url: str, target: Path) -> None:
    from tqdm import tqdm

    tmp = target.with_suffix(".part")
    with urllib.request.urlopen(url, timeout=60) as response, open(tmp, "wb") as out:
        total = int(response.headers.get("Content-Length") or 0)
        with tqdm(
            total=total, unit="B", unit_scale=True, desc=f"Elasticsearch {ES_VERSION}"
        ) as bar:
            while chunk := response.read(1 << 20):
                out.write(chunk)
                bar.update(len(chunk))
    tmp.rename(target)


def distribution_zip(version: str = ES_VERSION) -> Path:
    """The cached distribution zip, downloaded and verified on first use."""
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    target = CACHE_DIR / f"elasticsearch-{version}.zip"
    if target.exists():
        return target
    url = _zip_url(version)
    try:
        expected = urllib.request.urlopen(url + ".sha512", timeout=30).read().decode().split()[0]
        _download(url, target)
    except OSError as exc:
        raise ServiceError(f"Could not download Elasticsearch {version} from {url}: {exc}") from exc
    digest = hashlib.sha512(target.read_bytes()).hexdigest()
    if digest != expected:
        target.unlink()
        raise ServiceError(f"Checksum mismatch for {url}: got {digest}, expected {expected}")
    return target


def java_home() -> Path:
    for candidate in (os.environ.get("ES_JAVA_HOME"), os.environ.get("JAVA_HOME")):
        if candidate and Path(candidate, "bin", "java").exists():
            return Path(candidate)
    java = shutil.which("java")
    if not java:
        raise ServiceError(
            "No Java runtime found: install a JDK 17+ (Debian: default-jdk-headless)."
        )
    return Path(java).resolve().parent.parent


def hunspell_dictionary() -> tuple[Path, Path]:
    for directory in HUNSPELL_DIRS:
        aff, dic = directory / "de_DE.aff", directory / "de_DE.dic"
        if aff.exists() and dic.exists():
            return aff, dic
    raise ServiceError("German hunspell dictionary not found: install Debian's 'hunspell-de-de'.")


@dataclass
class ElasticsearchNode:
    url: str
    port: int
    base: Path
    process: subprocess.Popen

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        shutil.rmtree(self.base, ignore_errors=True)

    def pause(self) -> None:
        """Freeze the node (SIGSTOP) to simulate an outage without losing its data."""
        os.killpg(self.process.pid, signal.SIGSTOP)

    def resume(self) -> None:
        os.killpg(self.process.pid, signal.SIGCONT)


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(
            f"{url}/_cluster/health?wait_for_status=yellow&timeout=1s", timeout=3
        ) as r:
            return r.status == 200
    except OSError:
        return False


def elasticsearch_start(
    *, heap: str = "384m", port: int | None = None, base: Path | None = None, timeout: float = 300
) -> ElasticsearchNode:
    """Unpack, configure and start a node; raise ServiceError with its log if it fails."""
    archive = distribution_zip()
    aff, dic = hunspell_dictionary()
    jdk = java_home()
    if is_root():
        ensure_system_user(ES_USER)
    base = base or Path(tempfile.mkdtemp(prefix="sprachrohr-es-"))
    os.chmod(base, 0o755)
    with zipfile.ZipFile(archive) as zf:
        zf.extractall(base)
    home = base / f"elasticsearch-{ES_VERSION}"
    for script in (home / "bin").iterdir():
        script.chmod(0o755)
    conf = home / "config"
    (conf / "hunspell" / "de_DE").mkdir(parents=True, exist_ok=True)
    shutil.copy(aff, conf / "hunspell" / "de_DE" / "de_DE.aff")
    shutil.copy(dic, conf / "hunspell" / "de_DE" / "de_DE.dic")
    http_port = port or free_port()
    (conf / "elasticsearch.yml").write_text(
        "\n".join(
            [
                "cluster.name: sprachrohr-test",
                "node.name: sprachrohr-node-1",
                "network.host: 127.0.0.1",
                f"http.port: {http_port}",
                f"transport.port: {free_port()}",
                "discovery.type: single-node",
                "xpack.security.enabled: false",
                "action.destructive_requires_name: false",
                "cluster.routing.allocation.disk.threshold_enabled: false",
                f"path.data: {base / 'data'}",
                f"path.logs: {base / 'logs'}",
                "",
            ]
        )
    )
    (base / "data").mkdir()
    (base / "logs").mkdir()
    (base / "tmp").mkdir()
    if is_root():
        chown_tree(base, ES_USER)
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "ES_JAVA_HOME": str(jdk),
        "ES_JAVA_OPTS": f"-Xms{heap} -Xmx{heap} -XX:-HeapDumpOnOutOfMemoryError",
        "ES_TMPDIR": str(base / "tmp"),
        "LANG": "C.UTF-8",
    }
    log = base / "stdout.log"
    process = subprocess.Popen(
        as_user(
            ES_USER,
            ["env", *[f"{k}={v}" for k, v in env.items()], str(home / "bin" / "elasticsearch")],
        ),
        stdout=open(log, "wb"),  # noqa: SIM115 - the node outlives this function
        stderr=subprocess.STDOUT,
        start_new_session=True,
        cwd=base,
    )
    node = ElasticsearchNode(
        url=f"http://127.0.0.1:{http_port}", port=http_port, base=base, process=process
    )
    try:
        wait_until(
            lambda: _healthy(node.url),
            timeout=timeout,
            what=f"Elasticsearch {ES_VERSION}",
            log=log,
            alive=lambda: process.poll() is None,
        )
    except ServiceError:
        node.stop()
        raise
    return node
