"""The README a newcomer follows: system packages first, then the two commands; CI runs the test command."""

import re
import subprocess

from desktop.ui.system_libraries import PACKAGES
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
BLOCKS = re.findall(r"^```[^\n]*\n(.*?)^```", README, re.S | re.M)


def test_the_readme_starts_with_the_system_packages_for_debian_and_fedora():
    first = BLOCKS[0]
    assert "sudo apt install" in first and "sudo dnf install" in first
    debian = set(re.search(r"apt install ([^#\n]+)", first).group(1).split())
    fedora = set(re.search(r"dnf install ([^#\n]+)", first).group(1).split())
    # the libraries fresh systems lack, as the launch check names them
    for soname in ("libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxcb-keysyms.so.1", "libxcb-image.so.0",
                   "libxcb-render-util.so.0", "libxkbcommon-x11.so.0"):
        assert PACKAGES[soname][0] in debian and PACKAGES[soname][1] in fedora
    assert "pip install ." in BLOCKS[1] and "precis" in BLOCKS[1]


def test_ci_runs_the_readmes_pytest_command():
    printed = subprocess.run([str(ROOT / ".ci" / "run"), "--print"], capture_output=True, text=True, check=True)
    assert printed.stdout.strip() == BLOCKS[2].strip()
    assert "pytest" in printed.stdout and "pip install '.[test]'" in printed.stdout
