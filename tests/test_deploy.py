"""deploy/: the image runs the README's commands, the manifest parses and probes Streamlit's health path.

There is no Docker engine or cluster here, so the Dockerfile's own commands are run instead: its
install command in a fresh virtualenv (which sees the packages already installed, so nothing is
downloaded: pip must find every pin of requirements.txt satisfied) and its CMD with that virtualenv's
Python, probed with the image's own HEALTHCHECK command.
"""

from __future__ import annotations

import json
import re
import shlex
import subprocess
import sys
import sysconfig
import time
from pathlib import Path

import pytest
import yaml

from tests.e2e.conftest import _free_port

ROOT = Path(__file__).resolve().parent.parent
DOCKERFILE = ROOT / "deploy" / "Dockerfile"
MANIFEST = ROOT / "deploy" / "kubernetes.yaml"
HEALTH = "/_stcore/health"


def instructions() -> list[tuple[str, str]]:
    """The Dockerfile's (INSTRUCTION, arguments), continuation lines joined, comments dropped."""
    text = re.sub(r"\\\n\s*", " ", DOCKERFILE.read_text())
    lines = [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    return [(line.split(None, 1)[0].upper(), line.split(None, 1)[1]) for line in lines]


def instruction(name: str) -> list[str]:
    return [args for kind, args in instructions() if kind == name]


def exec_form(args: str) -> list[str]:
    """An instruction's JSON exec form (["streamlit", "run", ...]) as a list."""
    return json.loads(args[args.index("[") :])


def readme_commands() -> list[str]:
    """The README's install and run commands (section "Run it"), one a command."""
    readme = (ROOT / "README.md").read_text()
    block = re.search(r"## Run it\s+```bash\n(.+?)\n```", readme, re.S).group(1)
    return [command.strip() for command in block.split("&&")]


def test_the_image_installs_and_runs_with_the_readmes_commands():
    install, run = readme_commands()
    assert install == "pip install -r requirements.txt"
    assert install in instruction("RUN")
    (cmd,) = instruction("CMD")
    assert shlex.join(exec_form(cmd)).startswith(run + " ")


def test_the_image_is_python_311_with_cpu_torch_and_runs_as_a_non_root_user():
    (base,) = instruction("FROM")
    assert re.fullmatch(r"python:3\.11(\.\d+)?-slim", base)
    requirements = (ROOT / "requirements.txt").read_text().splitlines()
    assert "--extra-index-url https://download.pytorch.org/whl/cpu" in requirements
    assert any(line.startswith("torch==") for line in requirements)
    (user,) = instruction("USER")
    assert user not in ("root", "0")


def test_the_healthcheck_probes_streamlits_health_path_on_the_exposed_port():
    (expose,) = instruction("EXPOSE")
    (check,) = instruction("HEALTHCHECK")
    assert f"127.0.0.1:{expose}{HEALTH}" in check
    (cmd,) = instruction("CMD")
    assert f"--server.port={expose}" in exec_form(cmd)


def test_the_manifest_has_replicas_limits_health_probes_and_cookie_affinity():
    docs = {doc["kind"]: doc for doc in yaml.safe_load_all(MANIFEST.read_text())}
    assert set(docs) == {"Deployment", "Service", "Ingress"}
    deployment, service, ingress = docs["Deployment"], docs["Service"], docs["Ingress"]
    assert deployment["spec"]["replicas"] >= 2
    pod = deployment["spec"]["template"]
    assert deployment["spec"]["selector"]["matchLabels"].items() <= pod["metadata"]["labels"].items()
    assert service["spec"]["selector"].items() <= pod["metadata"]["labels"].items()
    (container,) = pod["spec"]["containers"]
    assert {"cpu", "memory"} <= container["resources"]["limits"].keys()
    (expose,) = instruction("EXPOSE")
    assert container["ports"][0]["containerPort"] == int(expose)
    for probe in ("readinessProbe", "livenessProbe"):
        assert container[probe]["httpGet"]["path"] == HEALTH
    assert pod["spec"]["securityContext"]["runAsNonRoot"] is True
    annotations = ingress["metadata"]["annotations"]
    assert annotations["nginx.ingress.kubernetes.io/affinity"] == "cookie"
    (rule,) = ingress["spec"]["rules"]
    assert rule["http"]["paths"][0]["backend"]["service"]["name"] == service["metadata"]["name"]


def test_the_images_commands_run_in_a_fresh_virtualenv(tmp_path):
    """RUN's install in a fresh venv (no download), then CMD with its Python, probed by HEALTHCHECK."""
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    site = subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True, capture_output=True, text=True,
    ).stdout.strip()  # fmt: skip
    Path(site, "installed.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    (install,) = [run for run in instruction("RUN") if run.startswith("pip install")]
    pip = [sys.executable, "-m", "pip", "--python", str(python), *shlex.split(install)[1:], "--no-index"]
    installed = subprocess.run(pip, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert installed.returncode == 0, installed.stdout + installed.stderr
    assert "Successfully installed" not in installed.stdout

    port = _free_port()
    (cmd,) = instruction("CMD")
    command = [str(python), "-m", *exec_form(cmd)]  # the console script `streamlit` is the same module
    command = [a.replace("0.0.0.0", "127.0.0.1").replace("port=8501", f"port={port}") for a in command]
    server = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        (check,) = instruction("HEALTHCHECK")
        probe = [str(python) if a == "python" else a for a in exec_form(check)]
        probe = [a.replace(":8501/", f":{port}/") for a in probe]
        deadline = time.monotonic() + 60
        while subprocess.run(probe, capture_output=True).returncode != 0:
            assert server.poll() is None, "streamlit exited"
            if time.monotonic() > deadline:
                pytest.fail("the HEALTHCHECK command did not pass within 60 s")
            time.sleep(0.5)
    finally:
        server.terminate()
        server.wait(timeout=10)
