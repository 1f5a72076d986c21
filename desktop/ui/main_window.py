"""The Précis main window: the article on the left, the summary and the glossary on the right.

The window shows at once; the spaCy model loads on the worker thread while the status bar says so. Every
analysis runs there too, with progress and a Cancel button; a newer request (an edit, a paste, another file)
replaces an older one, whose late result is dropped by its job id.
"""

from __future__ import annotations

import html
import logging
from pathlib import Path
from typing import Optional

from PySide6.QtCore import QByteArray, QEvent, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog, QLabel, QMainWindow, QMessageBox, QProgressBar, QPushButton,
    QSplitter, QVBoxLayout, QWidget,
)

from desktop import importers
from desktop.core.errors import PrecisError
from desktop.core.model import Document, Mention, SummaryLength
from desktop.core.algorithms import ALGORITHMS, DEFAULT_ALGORITHM
from desktop.ui import colors, export_name
from desktop.ui.article_view import ArticleView
from desktop.ui.banner import MessageBanner
from desktop.ui.clipboard import clipboard_contents
from desktop.ui.controller import AnalysisController, Request, Result
from desktop.ui.glossary_panel import GlossaryPanel
from desktop.ui.legend import Legend
from desktop.ui.summary_panel import SummaryPanel
from desktop.ui.url_dialog import UrlDialog

log = logging.getLogger(__name__)

#: The export that annotates the PDF the article came from instead of laying the article out again.
ANNOTATED_COPY = "Annotated copy of the original PDF (*.pdf)"

MAX_RECENT = 10
EDIT_PAUSE_MS = 800
WORDS_PER_MINUTE = 230


class MainWindow(QMainWindow):
    def __init__(self, settings: Optional[QSettings] = None) -> None:
        super().__init__()
        self.settings = settings or QSettings()
        self.setWindowTitle("Précis")
        self.setAcceptDrops(True)
        self.resize(1280, 820)
        self.controller = AnalysisController(self)
        self.document: Optional[Document] = None
        self.origin: Optional[str] = None
        self._pending_job = 0
        self._mark_spans: list[Mention] = []
        self._mark_focus = 0
        self._analysis_seconds = 0.0

        self.article = ArticleView()
        self.summary = SummaryPanel()
        self.glossary = GlossaryPanel()
        self.banner = MessageBanner()
        self.banner_label, self.banner_close = self.banner.label, self.banner.close_button
        self.legend = Legend()
        self._legend_buttons = self.legend.buttons
        self.legend.toggled.connect(self._legend_toggled)
        self.legend.restyle(self.is_dark())

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(6, 6, 0, 6)
        left_layout.addWidget(self.banner)
        left_layout.addWidget(self.legend)
        left_layout.addWidget(self.article, 1)
        self.side = QSplitter(Qt.Orientation.Vertical)
        self.side.addWidget(self.summary)
        self.side.addWidget(self.glossary)
        self.side.setStretchFactor(0, 2)  # a smaller window shrinks both, not the glossary alone
        self.side.setStretchFactor(1, 3)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        side_box = QWidget()
        side_layout = QVBoxLayout(side_box)
        side_layout.setContentsMargins(0, 6, 6, 6)
        side_layout.addWidget(self.side)
        self.splitter.addWidget(side_box)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([760, 520])
        self.side.setSizes([330, 470])
        self.setCentralWidget(self.splitter)

        self._build_status_bar()
        self._build_menus()
        self._edit_timer = QTimer(self)
        self._edit_timer.setSingleShot(True)
        self._edit_timer.setInterval(EDIT_PAUSE_MS)
        self._edit_timer.timeout.connect(self._analyse_edited_text)

        self.controller.model_ready.connect(self._model_ready)
        self.controller.model_failed.connect(lambda message, hint: self.show_message(message, hint))
        self.controller.progress.connect(self._progress)
        self.controller.finished.connect(self._finished)
        self.controller.failed.connect(self._failed)
        self.controller.cancelled.connect(self._cancelled)
        self.summary.options_changed.connect(self._summary_options_changed)
        self.summary.sentence_clicked.connect(self.show_sentence)
        self.glossary.entry_selected.connect(self.show_glossary_entry)
        self.glossary.navigate.connect(self.step_mention)
        self.glossary.define_requested.connect(self.define_entry)
        self.glossary.forget_requested.connect(self.forget_entry)
        self.article.glossary_clicked.connect(self._glossary_clicked)
        self.article.edited.connect(self._edit_timer.start)

        self._restore_settings()
        self.status.showMessage("Loading the language model…")
        self.controller.load_model()

    # -- building ------------------------------------------------------------------------------------------

    def _build_status_bar(self) -> None:
        self.status = self.statusBar()
        self.stats = QLabel()
        self.stats.setAccessibleName("Article statistics")
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setMaximumWidth(180)
        self.progress.setVisible(False)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(self.cancel_analysis)
        self.status.addPermanentWidget(self.stats)
        self.status.addPermanentWidget(self.progress)
        self.status.addPermanentWidget(self.cancel_button)

    def _action(self, menu, text, slot, shortcut=None, checkable=False) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setCheckable(checkable)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        self._action(file_menu, "&Open…", self.open_file_dialog, QKeySequence.StandardKey.Open)
        self._action(file_menu, "Open &URL…", self.open_url_dialog, "Ctrl+L")
        self.recent_menu = file_menu.addMenu("Open &Recent")
        file_menu.addSeparator()
        self.export_action = self._action(file_menu, "&Export…", self.export_dialog, "Ctrl+E")
        file_menu.addSeparator()
        self._action(file_menu, "&Quit", self.close, QKeySequence.StandardKey.Quit)

        edit_menu = bar.addMenu("&Edit")
        self.paste_action = self._action(edit_menu, "&Paste and analyse", self.paste, QKeySequence.StandardKey.Paste)
        self._action(edit_menu, "&Copy", self.article.copy, QKeySequence.StandardKey.Copy)
        self._action(edit_menu, "Copy &summary", lambda: self.summary.copy(rich=False), "Ctrl+Shift+C")
        self.edit_action = self._action(edit_menu, "&Edit the article", self.set_editing, "Ctrl+Shift+E", True)
        edit_menu.addSeparator()
        self._action(edit_menu, "&Find in glossary", self.glossary.filter.setFocus, QKeySequence.StandardKey.Find)
        self._action(edit_menu, "Define or edit glossary entry…", self.glossary.request_define)
        self.forget_action = self._action(edit_menu, "Forget glossary entry", self.glossary.request_forget)
        self._action(edit_menu, "Next mention", lambda: self.step_mention(+1), QKeySequence.StandardKey.FindNext)
        self._action(edit_menu, "Previous mention", lambda: self.step_mention(-1), QKeySequence.StandardKey.FindPrevious)
        self._action(edit_menu, "Cancel analysis", self.cancel_analysis, "Esc")

        view_menu = bar.addMenu("&View")
        for label, button in self._legend_buttons.items():
            action = QAction(colors.LEGEND[label][2], self, checkable=True)
            action.setChecked(button.isChecked())
            action.toggled.connect(button.setChecked)
            button.toggled.connect(action.setChecked)
            view_menu.addAction(action)

        help_menu = bar.addMenu("&Help")
        self._action(help_menu, "&About Précis", self.about)

    # -- getting text in -------------------------------------------------------------------------------------

    def open_path(self, path: str) -> None:
        loader = getattr(importers, "load", None) or importers.load_path
        self._remember_recent(path)
        self._start(Request(*self.summary.options(), loader=lambda: loader(path)), f"Opening {Path(path).name}…")

    def open_file_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "Open an article", self.settings.value("last_folder", ""),
            "Articles (*.txt *.md *.markdown *.html *.htm *.pdf *.docx);;All files (*)",
        )
        if path:
            self.settings.setValue("last_folder", str(Path(path).parent))
            self.open_path(path)

    def url_dialog(self) -> UrlDialog:
        dialog = UrlDialog(self)
        dialog.accepted.connect(lambda: dialog.url() and self.open_path(dialog.url()))
        return dialog

    def open_url_dialog(self) -> None:
        self.url_dialog().open()

    def paste(self) -> None:
        """With nothing to edit, Ctrl+V analyses the clipboard; while editing, it pastes as usual."""
        if not self.article.isReadOnly() and self.article.hasFocus():
            self.article.paste()
            return
        text, markup = clipboard_contents(QGuiApplication.clipboard().mimeData())
        from_clipboard = getattr(importers, "load_clipboard", None)
        if from_clipboard is not None and (markup or text):
            self._start(Request(*self.summary.options(), loader=lambda: from_clipboard(text, markup)), "Pasting…")
        else:
            self.analyse_text(text, title=None, origin="the clipboard")

    def analyse_text(self, text: str, title: Optional[str] = None, origin: Optional[str] = None) -> None:
        self._start(Request(*self.summary.options(), text=text, title=title, origin=origin), "Analysing…")

    def _analyse_edited_text(self) -> None:
        title = self.document.title if self.document else None
        self.analyse_text(self.article.toPlainText(), title=title, origin=self.origin)

    def dragEnterEvent(self, event) -> None:  # noqa: N802 - Qt API
        if event.mimeData().hasUrls() or event.mimeData().hasText():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802 - Qt API
        mime = event.mimeData()
        if mime.hasUrls():
            url = mime.urls()[0]
            self.open_path(url.toLocalFile() if url.isLocalFile() else url.toString())
        elif mime.hasText():
            self.analyse_text(mime.text(), origin="dropped text")
        event.acceptProposedAction()

    # -- jobs ------------------------------------------------------------------------------------------------

    def _start(self, request: Request, message: str) -> None:
        self.hide_message()
        self._pending_job = self.controller.analyze(request)
        self._show_busy(message)

    def _summary_options_changed(self) -> None:
        algorithm, length = self.summary.options()
        self.settings.setValue("summary/algorithm", algorithm)
        self.settings.setValue("summary/unit", length.unit)
        self.settings.setValue("summary/value", length.value)
        if self.document is not None:
            self._pending_job = self.controller.resummarize(self.document, algorithm, length, self.summary.kind())
            self._show_busy("Summarising…")

    def cancel_analysis(self) -> None:
        if self.progress.isVisible():
            self.controller.cancel()

    def _show_busy(self, message: str) -> None:
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.cancel_button.setVisible(True)
        self.status.showMessage(message if self.controller.model_loaded else "Loading the language model…")

    def _done_busy(self) -> None:
        self.progress.setVisible(False)
        self.cancel_button.setVisible(False)

    def _model_ready(self) -> None:
        if not self.progress.isVisible():
            self.status.showMessage("Ready. Paste an article (Ctrl+V), drop a file, or open one.", 5000)

    def _progress(self, job_id: int, fraction: float, what: str) -> None:
        if job_id == self._pending_job:
            self.progress.setValue(int(fraction * 100))
            self.status.showMessage(what + "…")

    def _finished(self, job_id: int, result: Optional[Result], seconds: float) -> None:
        if job_id != self._pending_job or result is None:
            return  # a stale job's result, or the model load
        self._done_busy()
        if result.new_text:
            self.origin = result.origin
            self._analysis_seconds = seconds
        self.show_document(result.document)
        self.status.showMessage(f"Analysed in {seconds:.2f} s", 4000)

    def _failed(self, job_id: int, message: str, hint: str, details: str) -> None:
        if job_id != self._pending_job:
            return
        self._done_busy()
        self.status.clearMessage()
        self.show_message(message, hint, details)

    def _cancelled(self, job_id: int) -> None:
        if job_id == self._pending_job:
            self._done_busy()
            self.status.showMessage("Analysis cancelled.", 4000)

    # -- showing ---------------------------------------------------------------------------------------------

    def is_dark(self) -> bool:
        return colors.is_dark(self.palette())

    def show_document(self, document: Document) -> None:
        self.document = document
        self.article.visible_types = self.visible_types()
        self.article.show_document(document, self.is_dark())
        self.summary.show_document(document)
        self.glossary.show_document(document)
        name = document.title or (Path(self.origin).name if self.origin else "Untitled")
        self.setWindowTitle(f"{name} — Précis")
        for warning in document.warnings:
            self.show_message(warning)
        self._update_stats()

    def _update_stats(self) -> None:
        document = self.document
        if document is None:
            self.stats.clear()
            return
        words = document.word_count
        minutes = max(1, round(words / WORDS_PER_MINUTE))
        summary_words = sum(len(document.sentences[i].words) for i in document.summary.sentences)
        self.stats.setText(
            f"{words:,} words · {minutes} min read · summary {len(document.summary.sentences)} sentences, "
            f"{summary_words} words · analysed in {self._analysis_seconds:.2f} s"
        )

    def show_message(self, message: str, hint: str = "", details: str = "") -> None:
        self.banner.show_message(message, hint, details)

    def hide_message(self) -> None:
        self.banner.setVisible(False)

    def message_text(self) -> str:
        return self.banner.text()

    def visible_types(self) -> set[str]:
        return self.legend.checked()

    def _legend_toggled(self) -> None:
        self.settings.setValue("entity_types", sorted(self.visible_types()))
        self.article.visible_types = self.visible_types()
        self.article.refresh(self.is_dark())

    def show_sentence(self, index: int) -> None:
        if self.document is None:
            return
        sentence = self.document.sentences[index]
        self._mark_spans, self._mark_focus = [Mention(sentence.start, sentence.end)], 0
        self.article.mark(self._mark_spans, self.is_dark())

    def _glossary_clicked(self, index: int) -> None:
        self.glossary.select_index(index)

    def show_glossary_entry(self, index: int) -> None:
        if self.document is None:
            return
        self._mark_spans = list(self.document.glossary[index].mentions)
        self._mark_focus = 0
        self.article.mark(self._mark_spans, self.is_dark(), 0)

    def step_mention(self, delta: int) -> None:
        if not self._mark_spans:
            return
        self._mark_focus = (self._mark_focus + delta) % len(self._mark_spans)
        self.article.mark(self._mark_spans, self.is_dark(), self._mark_focus)
        self.status.showMessage(f"Mention {self._mark_focus + 1} of {len(self._mark_spans)}", 3000)

    def set_editing(self, editing: bool) -> None:
        self.article.set_editable(editing)
        self.edit_action.setChecked(editing)
        self.status.showMessage("Editing: the analysis reruns when you pause." if editing else "Read-only.", 4000)

    def define_entry(self, term: str, expansion: str, description: str, kind: str) -> None:
        """Save the user's meaning in their glossary, then reanalyse so it shows everywhere at once."""
        from desktop.core.glossary.session import user_glossary

        try:
            user_glossary().define(term, expansion, description or None, kind)
        except PrecisError as error:
            self.show_message(error.message, error.hint)
            return
        if self.document is not None:
            self.analyse_text(self.document.text, title=self.document.title, origin=self.origin)

    def forget_entry(self, term: str) -> None:
        """Remove what the user's glossary holds for `term` (their own meaning and the learned one), then
        reanalyse so the article's own evidence decides again."""
        from desktop.core.glossary.session import user_glossary

        try:
            forgotten = user_glossary().forget(term)
        except PrecisError as error:
            self.show_message(error.message, error.hint)
            return
        self.status.showMessage(f"Forgot {term}." if forgotten else f"Your glossary has no entry {term}.", 4000)
        if forgotten and self.document is not None:
            self.analyse_text(self.document.text, title=self.document.title, origin=self.origin)

    # -- export ------------------------------------------------------------------------------------------------

    def export_dialog(self) -> None:
        if self.document is None:
            self.show_message("There is nothing to export yet.", "Open or paste an article first.")
            return
        proposed = export_name.proposed_path(self.document, self.origin, str(self.settings.value("export/folder", "")))
        formats = "PDF (*.pdf);;Web page (*.html);;Markdown (*.md);;JSON (*.json)"
        if self.source_pdf() is not None:
            formats += f";;{ANNOTATED_COPY}"
        path, chosen = QFileDialog.getSaveFileName(
            self, "Export", proposed, formats,
        )
        if path and chosen == ANNOTATED_COPY:
            self.export_annotated_copy(Path(path))
        elif path:
            self.export_to(Path(path))

    def source_pdf(self) -> Optional[Path]:
        """The PDF file the article was read from, if it was read from one (the annotated copy needs it)."""
        if not self.origin or "://" in self.origin or not self.origin.lower().endswith(".pdf"):
            return None
        path = Path(self.origin)
        return path if path.is_file() else None

    def export_annotated_copy(self, path: Path) -> bool:
        """Save a copy of the original PDF, its pages untouched, with the window's glossary and summary as notes."""
        from desktop.exporters.annotated_pdf import export_annotated_copy

        source = self.source_pdf()
        try:
            if source is None:
                raise PrecisError("The article was not read from a PDF file.", "Choose another export format.")
            export_annotated_copy(self.document, source, path)
        except PrecisError as error:
            self.show_message(error.message, error.hint)
            return False
        self.settings.setValue("export/folder", str(path.parent))
        self.status.showMessage(f"Saved an annotated copy of {source.name} to {path}", 5000)
        return True

    def export_to(self, path: Path) -> bool:
        """Save what the window shows (its summary, its glossary with the user's meanings) to `path`."""
        from desktop import exporters

        source = Path(self.origin).name if self.origin and "://" not in self.origin else self.origin
        try:
            exporters.export(self.document, path, source=source)
        except PrecisError as error:
            self.show_message(error.message, error.hint)
            return False
        self.settings.setValue("export/folder", str(path.parent))  # apart from where articles are opened from
        self.status.showMessage(f"Exported to {path}", 5000)
        return True

    def about_text(self) -> str:
        from desktop import __version__

        return (
            f"<b>Précis {html.escape(__version__)}</b><br>Summaries, named entities and an explained glossary, "
            "offline.<br><br>Glossary facts from the CIA World Factbook (public domain), WordNet 3.0 (Copyright 2006 "
            "by Princeton University), the Free On-line Dictionary of Computing (FOLDOC, Copyright 1993 by Denis "
            "Howe, GNU FDL), GNU V.E.R.A. (Copyright 1993/2020 Oliver Heidelbach, GNU FDL) and the NetBSD acronym "
            "lists; see resources/glossary/NOTICE."
        )

    def about(self) -> QMessageBox:
        box = QMessageBox(QMessageBox.Icon.NoIcon, "About Précis", self.about_text(), parent=self)
        box.setTextFormat(Qt.TextFormat.RichText)
        box.open()
        return box

    # -- settings ----------------------------------------------------------------------------------------------

    def _restore_settings(self) -> None:
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        for key, splitter in (("window/splitter", self.splitter), ("window/side", self.side)):
            state = self.settings.value(key)
            if isinstance(state, QByteArray):
                splitter.restoreState(state)
        algorithm = self.settings.value("summary/algorithm", DEFAULT_ALGORITHM)
        if algorithm not in ALGORITHMS:
            algorithm = DEFAULT_ALGORITHM
        try:
            unit = self.settings.value("summary/unit", "sentences")
            value = float(self.settings.value("summary/value", 3))
            length = SummaryLength(unit, value if unit == "ratio" else int(value))
        except (ValueError, TypeError):
            length = SummaryLength()
        self.summary.set_options(algorithm, length)
        types = self.settings.value("entity_types")
        if types is not None:
            chosen = {types} if isinstance(types, str) else set(types)
            for label, button in self._legend_buttons.items():
                button.blockSignals(True)
                button.setChecked(label in chosen)
                button.blockSignals(False)
        self._refresh_recent()

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt API
        """The system switched between light and dark: recolour the legend and the article to match."""
        if event.type() == QEvent.Type.PaletteChange:
            self.legend.restyle(self.is_dark())
            self.article.refresh(self.is_dark())
        super().changeEvent(event)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt API
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/splitter", self.splitter.saveState())
        self.settings.setValue("window/side", self.side.saveState())
        self.settings.sync()
        self.controller.cancel()
        self.controller.wait(5000)
        super().closeEvent(event)

    def recent_files(self) -> list[str]:
        value = self.settings.value("recent", [])
        return [value] if isinstance(value, str) else list(value or [])

    def _remember_recent(self, path: str) -> None:
        recent = [path] + [p for p in self.recent_files() if p != path]
        self.settings.setValue("recent", recent[:MAX_RECENT])
        self._refresh_recent()

    def _refresh_recent(self) -> None:
        self.recent_menu.clear()
        for path in self.recent_files():
            action = self.recent_menu.addAction(path)
            action.triggered.connect(lambda _=False, p=path: self.open_path(p))
        self.recent_menu.setEnabled(bool(self.recent_files()))
