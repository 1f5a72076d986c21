"""The Précis window (PySide6). Widgets only: it reads Documents from the core and never writes into them."""
