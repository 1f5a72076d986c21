"""A fresh desktop without Qt's xcb libraries: one clear message and exit 1, never Qt's abort (exit 134).

The libraries are hidden by putting a fake `ldd` first on PATH: it prints the real ldd's report on the real
plugin with some lines turned into "not found", exactly as ldd reports a library that is not installed. The
plugin lookup, the parsing, the package names and the message are the real ones.
"""

import os
import stat
import subprocess

import pytest

from desktop.ui import system_libraries
from tests.conftest import SAMPLE, run_precis

HIDDEN = ("libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxkbcommon-x11.so.0")


def fake_ldd(folder, hidden):
    script = folder / "ldd"
    pattern = "|".join(name.replace(".", r"\.") for name in hidden)
    script.write_text(
        "#!/bin/sh\n"
        f"/usr/bin/ldd \"$@\" | sed -E 's#^(\\s*)({pattern}) => .*#\\1\\2 => not found#'\n",
        encoding="utf-8",
    )
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return folder


def test_the_real_plugin_lists_the_xcb_libraries_and_none_is_missing_here():
    plugin = system_libraries.xcb_plugin()
    assert plugin is not None and plugin.name == "libqxcb.so"
    report = system_libraries.ldd_output(plugin)
    for name in HIDDEN:
        assert name in report  # the plugin's own dependency list names them
    assert system_libraries.missing_from(report).sonames == ()


def test_missing_libraries_map_to_debian_and_fedora_packages(tmp_path):
    fake_ldd(tmp_path, HIDDEN)
    report = subprocess.run([str(tmp_path / "ldd"), str(system_libraries.xcb_plugin())],
                            capture_output=True, text=True, check=True).stdout
    missing = system_libraries.missing_from(report)
    assert missing.sonames == tuple(n for n in report.split() if n in HIDDEN)
    assert set(missing.debian) == {"libxcb-cursor0", "libxcb-icccm4", "libxkbcommon-x11-0"}
    assert set(missing.fedora) == {"xcb-util-cursor", "xcb-util-wm", "libxkbcommon-x11"}
    message = missing.message()
    assert "sudo apt install libxcb-cursor0 libxcb-icccm4 libxkbcommon-x11-0\n" in message
    assert "sudo dnf install libxkbcommon-x11 xcb-util-cursor xcb-util-wm\n" in message
    assert "precis analyze" in message


def test_a_soname_nobody_mapped_is_still_named():
    missing = system_libraries.missing_from("\tlibfancy.so.3 => not found\n\tlibc.so.6 => /lib/libc.so.6 (0x1)\n")
    assert missing.sonames == ("libfancy.so.3",)
    assert "libfancy.so.3" in missing.message()


@pytest.mark.skipif(not os.path.exists("/usr/bin/ldd"), reason="needs ldd")
def test_precis_file_with_hidden_libraries_exits_1_with_every_package(tmp_path):
    fake_ldd(tmp_path, HIDDEN)
    env = {"PATH": f"{tmp_path}:{os.environ['PATH']}", "QT_QPA_PLATFORM": "", "DISPLAY": ":99",
           "WAYLAND_DISPLAY": ""}
    result = run_precis(str(SAMPLE), env=env, timeout=60)
    assert result.returncode == 1, result.stderr
    err = result.stderr.decode()
    assert "libxcb-cursor0" in err and "libxcb-icccm4" in err and "libxkbcommon-x11-0" in err
    assert "xcb-util-cursor" in err and "sudo apt install" in err and "sudo dnf install" in err
    assert "precis analyze" in err and "Traceback" not in err and "Qt platform plugin" not in err
