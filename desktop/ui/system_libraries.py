"""Before the window starts: are the system libraries that Qt's xcb plugin needs installed?

Without them Qt aborts the whole process (exit 134) with advice that names one library at a time. So we ask
the plugin itself: `ldd` on PySide6's `libqxcb.so` lists every shared library it needs, transitively, and says
"not found" for each one missing. Each missing soname is mapped to the Debian/Ubuntu and Fedora package that
ships it, and the user gets one message with every package and both install commands.

This module never imports Qt (importing it is what crashes); it only finds PySide6's folder on disk.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

#: soname -> (Debian/Ubuntu package, Fedora package). The libraries the xcb plugin and Qt's GUI library load.
PACKAGES: dict[str, tuple[str, str]] = {
    "libxcb-cursor.so.0": ("libxcb-cursor0", "xcb-util-cursor"),
    "libxcb-icccm.so.4": ("libxcb-icccm4", "xcb-util-wm"),
    "libxcb-keysyms.so.1": ("libxcb-keysyms1", "xcb-util-keysyms"),
    "libxcb-image.so.0": ("libxcb-image0", "xcb-util-image"),
    "libxcb-render-util.so.0": ("libxcb-render-util0", "xcb-util-renderutil"),
    "libxcb-util.so.1": ("libxcb-util1", "xcb-util"),
    "libxkbcommon-x11.so.0": ("libxkbcommon-x11-0", "libxkbcommon-x11"),
    "libxkbcommon.so.0": ("libxkbcommon0", "libxkbcommon"),
    "libxcb.so.1": ("libxcb1", "libxcb"),
    "libxcb-randr.so.0": ("libxcb-randr0", "libxcb"),
    "libxcb-shm.so.0": ("libxcb-shm0", "libxcb"),
    "libxcb-sync.so.1": ("libxcb-sync1", "libxcb"),
    "libxcb-xfixes.so.0": ("libxcb-xfixes0", "libxcb"),
    "libxcb-render.so.0": ("libxcb-render0", "libxcb"),
    "libxcb-shape.so.0": ("libxcb-shape0", "libxcb"),
    "libxcb-xkb.so.1": ("libxcb-xkb1", "libxcb"),
    "libxcb-xinput.so.0": ("libxcb-xinput0", "libxcb"),
    "libxcb-glx.so.0": ("libxcb-glx0", "libxcb"),
    "libX11-xcb.so.1": ("libx11-xcb1", "libX11-xcb"),
    "libX11.so.6": ("libx11-6", "libX11"),
    "libXau.so.6": ("libxau6", "libXau"),
    "libXdmcp.so.6": ("libxdmcp6", "libXdmcp"),
    "libSM.so.6": ("libsm6", "libSM"),
    "libICE.so.6": ("libice6", "libICE"),
    "libGL.so.1": ("libgl1", "libglvnd-glx"),
    "libGLX.so.0": ("libglx0", "libglvnd-glx"),
    "libGLdispatch.so.0": ("libglvnd0", "libglvnd"),
    "libOpenGL.so.0": ("libopengl0", "libglvnd-opengl"),
    "libEGL.so.1": ("libegl1", "libglvnd-egl"),
    "libfontconfig.so.1": ("libfontconfig1", "fontconfig"),
    "libfreetype.so.6": ("libfreetype6", "freetype"),
    "libglib-2.0.so.0": ("libglib2.0-0", "glib2"),
    "libgthread-2.0.so.0": ("libglib2.0-0", "glib2"),
    "libdbus-1.so.3": ("libdbus-1-3", "dbus-libs"),
}

_NOT_FOUND = re.compile(r"^\s*(\S+)\s+=>\s+not found\s*$")


@dataclass(frozen=True)
class Missing:
    """What is missing and how to install it; empty lists when nothing is."""

    sonames: tuple[str, ...]
    debian: tuple[str, ...]
    fedora: tuple[str, ...]

    def message(self) -> str:
        """One message naming every missing package, both install commands, and the terminal alternative."""
        lines = [
            "The window cannot start: Qt needs system libraries that are not installed: "
            + ", ".join(self.sonames) + ".",
            f"  Debian/Ubuntu: sudo apt install {' '.join(self.debian)}",
            f"  Fedora:        sudo dnf install {' '.join(self.fedora)}",
            "`precis analyze FILE` works without them (and without a display), in the terminal.",
        ]
        return "\n".join(lines)


def xcb_plugin() -> Optional[Path]:
    """PySide6's xcb platform plugin, found on disk without importing Qt."""
    spec = importlib.util.find_spec("PySide6")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        plugin = Path(folder) / "Qt" / "plugins" / "platforms" / "libqxcb.so"
        if plugin.is_file():
            return plugin
    return None


def ldd_output(library: Path) -> str:
    """What `ldd` says about the library; empty when there is no ldd (then nothing can be checked)."""
    ldd = shutil.which("ldd")
    if ldd is None:
        return ""
    try:
        result = subprocess.run([ldd, str(library)], capture_output=True, text=True, timeout=20, check=False)
    except (OSError, subprocess.SubprocessError):
        return ""
    return result.stdout


def missing_from(ldd_text: str) -> Missing:
    """Map the "not found" lines of ldd's output to packages; an unknown soname is named as itself."""
    sonames = tuple(dict.fromkeys(m.group(1) for line in ldd_text.splitlines() if (m := _NOT_FOUND.match(line))))
    debian = tuple(sorted({PACKAGES.get(name, (name, name))[0] for name in sonames}))
    fedora = tuple(sorted({PACKAGES.get(name, (name, name))[1] for name in sonames}))
    return Missing(sonames, debian, fedora)


def uses_xcb() -> bool:
    """Qt will load the xcb plugin: Linux, an X display, and no other platform chosen (Wayland, offscreen)."""
    if not sys.platform.startswith("linux"):
        return False
    chosen = os.environ.get("QT_QPA_PLATFORM", "").strip()
    if chosen:
        return chosen.split(":")[0].split(";")[0] == "xcb"
    wayland = os.environ.get("WAYLAND_DISPLAY") and os.environ.get("XDG_SESSION_TYPE") == "wayland"
    return not wayland


def missing_libraries() -> Missing:
    """The system libraries the xcb plugin lacks; none when Qt will not use xcb or nothing can be checked."""
    plugin = xcb_plugin() if uses_xcb() else None
    return missing_from(ldd_output(plugin)) if plugin is not None else Missing((), (), ())
