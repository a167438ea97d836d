"""nbgrader's Validate button, pressed in JupyterLab in headless Chromium, shows the kit's self-check.

JupyterLab runs in a student's copy of a release folder (what `autograder release` ships, the
notebook filled in with one known mistake and one loop), as a student starts it; Playwright drives
Debian's chromium (never a downloaded browser).
"""
import os
import re
import secrets
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.students import variant
from tests.test_check import student_copy
from tests.test_report import chromium  # noqa: F401 (the fixture: Debian's chromium, or a skip)

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright (the test extra) is not installed")

ASSIGNMENT = "vectorization"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_up(url: str, server: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        assert server.poll() is None, log.read_text()[-3000:]
        try:
            urllib.request.urlopen(url, timeout=5).close()
            return
        except OSError:
            time.sleep(0.5)
    pytest.fail(f"JupyterLab did not start:\n{log.read_text()[-3000:]}")


@pytest.fixture(scope="module")
def lab(course, tmp_path_factory):
    """JupyterLab, started in the student's folder, on 127.0.0.1 with a token; its log file."""
    source = variant(ASSIGNMENT, L1="def L1(yhat, y):\n    return float(np.sum(y - yhat))",
                     relu="def relu(v):\n    return np.array([max(0, x) for x in v])")
    notebook = student_copy(course, ASSIGNMENT, source, "validate_button")
    home, token, port = tmp_path_factory.mktemp("lab-home"), secrets.token_hex(16), free_port()
    log = home / "server.log"
    env = {**os.environ, "HOME": str(home), "JUPYTER_CONFIG_DIR": str(home / "config"),
           "JUPYTER_RUNTIME_DIR": str(home / "runtime"), "NO_COLOR": "1"}
    command = [sys.executable, "-m", "jupyterlab", "--no-browser", "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}",
               f"--IdentityProvider.token={token}", "--ServerApp.log_level=DEBUG",
               "--LabApp.news_url=", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
               *(["--allow-root"] if os.geteuid() == 0 else [])]
    with log.open("w") as out:
        server = subprocess.Popen(command, cwd=notebook.parent, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        wait_until_up(f"http://127.0.0.1:{port}/api/status?token={token}", server, log)
        yield f"http://127.0.0.1:{port}/lab/tree/{notebook.name}?token={token}", log
    finally:
        server.terminate()
        server.wait(timeout=30)


@pytest.fixture(scope="module")
def dialog(lab, chromium, tmp_path_factory):  # noqa: F811 (the fixture imported above)
    """The text of nbgrader's Validation Results dialog after pressing Validate in the notebook."""
    url, _ = lab
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.goto(url)
            button = page.get_by_role("button", name="Validate")
            button.wait_for(timeout=120_000)
            button.click()
            body = page.locator(".jp-Dialog-content", has_text="Validation Results")
            body.wait_for(timeout=120_000)
            page.screenshot(path=tmp_path_factory.mktemp("validate") / "dialog.png")
            return body.inner_text()
        finally:
            browser.close()


def test_the_dialog_shows_the_kits_table_with_the_known_mistake_first(dialog):
    assert "Self-check of vectorization.ipynb: public tests and the loop rule" in dialog
    l1 = next(line for line in dialog.splitlines() if line.startswith("L1 "))
    assert re.search(r"L1\s+FAIL\s+FAIL\s+0/3\s+M_L1_NO_ABS", l1), l1
    assert "take np.abs(y - yhat) before summing" in l1


def test_the_dialog_names_the_loop(dialog):
    assert "LOOP003" in dialog
    assert "relu, line 2: LOOP003 list comprehension over v in relu" in dialog


def test_no_kernel_starts_and_the_request_is_quick(dialog, lab):
    _, log = lab
    text = log.read_text()
    assert "Executing notebook with kernel" not in text  # nbgrader's Execute did not run
    times = [float(ms) for ms in re.findall(r"POST /assignments/validate\S* .*?(\d+\.\d+)ms", text)]
    assert len(times) == 1, text[-3000:]
    print(f"Validate request, server side: {times[0]:.0f} ms")
    assert times[0] < 30_000


def test_nbgrader_validate_in_a_release_folder_runs_the_kit_and_a_correct_notebook_passes(course):
    """The same configuration without a browser: `nbgrader validate` reads the folder's nbgrader_config.py."""
    wrong = student_copy(course, ASSIGNMENT, variant(ASSIGNMENT, L1="def L1(yhat, y):\n    return float(np.sum(y - yhat))"),
                         "validate_cli_wrong")
    right = student_copy(course, ASSIGNMENT, variant(ASSIGNMENT), "validate_cli_right")
    done = [subprocess.run([sys.executable, "-m", "nbgrader", "validate", path.name], cwd=path.parent,
                           capture_output=True, text=True, timeout=300) for path in (wrong, right)]
    assert "Self-check of vectorization.ipynb" in done[0].stdout, done[0].stdout + done[0].stderr
    assert "M_L1_NO_ABS" in done[0].stdout
    assert "Success! Your notebook passes all the tests." in done[1].stdout, done[1].stdout + done[1].stderr
