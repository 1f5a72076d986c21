"""Précis: read less, understand more.

The package has a Qt-free analysis core (`desktop.core`), importers that turn files into text
(`desktop.importers`), the command line (`desktop.cli`) and, later, the window (`desktop.ui`).
"""

__version__ = "0.1.0"
