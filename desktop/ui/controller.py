"""Analysis jobs off the UI thread: the model loads in the background, a newer request replaces an older one.

Each job has an id; the window only accepts the result of the newest. Cancelling sets the job's flag, which the
pipeline checks between paragraphs; a job replaced by a newer one is cancelled the same way, so a long book
never blocks a short paste that comes after it.
"""

from __future__ import annotations

import logging
import threading
import time
import traceback
from dataclasses import dataclass, replace
from typing import Callable, Optional

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from desktop.core.errors import AnalysisCancelled, PrecisError
from desktop.core.model import Document, SummaryLength

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Request:
    """What to analyse: text in hand, or a `loader` (an importer call) that the worker runs first."""

    algorithm: str
    length: SummaryLength
    text: Optional[str] = None
    title: Optional[str] = None
    origin: Optional[str] = None
    loader: Optional[Callable[[], object]] = None


@dataclass(frozen=True)
class Result:
    document: Document
    origin: Optional[str]
    new_text: bool  # False when only the summary was redone


class _Job(QRunnable):
    def __init__(self, work: Callable[["_Job"], object], job_id: int, signals: "AnalysisController") -> None:
        super().__init__()
        self.work = work
        self.job_id = job_id
        self.signals = signals
        self.cancelled = threading.Event()
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            self._run()
        except RuntimeError:  # the window closed while this job ran: nobody is left to tell
            log.debug("job %s finished after its window closed", self.job_id)

    def _run(self) -> None:
        started = time.perf_counter()
        try:
            result = self.work(self)
        except AnalysisCancelled:
            self.signals.cancelled.emit(self.job_id)
        except PrecisError as error:
            self.signals.failed.emit(self.job_id, str(error.message), error.hint, "")
        except Exception as error:  # a bug: keep the app alive, show the details
            log.exception("analysis failed")
            self.signals.failed.emit(
                self.job_id, f"Something went wrong: {error}", "Please report this.", traceback.format_exc()
            )
        else:
            self.signals.finished.emit(self.job_id, result, time.perf_counter() - started)


class AnalysisController(QObject):
    """Runs `pipeline.analyze` and re-summarising on one worker thread, newest request wins."""

    model_ready = Signal()
    model_failed = Signal(str, str)
    progress = Signal(int, float, str)  # job id, fraction, what
    finished = Signal(int, object, float)  # job id, Result (None for the model), seconds
    failed = Signal(int, str, str, str)  # job id, message, hint, details
    cancelled = Signal(int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._next_id = 0
        self._current: Optional[_Job] = None
        self.model_loaded = False

    @property
    def current_id(self) -> int:
        return self._next_id

    def load_model(self) -> None:
        def work(job: _Job):
            from desktop.core import nlp
            from desktop.core.glossary.bundled import load_bundled

            nlp.load_pipeline()
            load_bundled()
            return None

        job = _Job(work, -1, self)
        self.finished.connect(self._on_model_loaded)
        self.failed.connect(self._on_model_failed)
        self._pool.start(job)

    def _on_model_loaded(self, job_id: int, _result, _seconds) -> None:
        if job_id == -1:
            self.model_loaded = True
            self.model_ready.emit()

    def _on_model_failed(self, job_id: int, message: str, hint: str, _details: str) -> None:
        if job_id == -1:
            self.model_failed.emit(message, hint)

    def analyze(self, request: Request) -> int:
        from desktop.core.pipeline import AnalysisOptions, analyze

        def work(job: _Job) -> Result:
            text, title, origin = request.text, request.title, request.origin
            author = date = None
            if request.loader is not None:
                self.progress.emit(job.job_id, 0.0, "Opening")
                source = request.loader()
                text, title, origin = source.text, source.title, source.origin
                author, date = source.author, source.date
            options = AnalysisOptions(algorithm=request.algorithm, length=request.length, article=origin or title)
            document = analyze(
                text, options, title=title, author=author, date=date,
                progress=lambda fraction, what: self.progress.emit(job.job_id, fraction, what),
                is_cancelled=job.cancelled.is_set,
            )
            return Result(document, origin, True)

        return self._submit(work)

    def resummarize(self, document: Document, algorithm: str, length: SummaryLength, kind: str = "auto") -> int:
        """A new summary of the same analysis (algorithm, length or article kind changed): no spaCy pass needed.

        `kind` "auto" keeps the kind recognised from the text; "news" or "argument" is the user's choice."""
        from desktop.core.kind import detect_kind
        from desktop.core.summarize import summarize

        def work(job: _Job) -> Result:
            texts = [document.text[s.start:s.end] for s in document.sentences]
            chosen, source = (detect_kind(document.text).kind, "detected") if kind == "auto" else (kind, "chosen")
            summary = summarize(document.sentences, texts, algorithm, length, document.title, chosen, source)
            return Result(replace(document, summary=summary), None, False)

        return self._submit(work)

    def cancel(self) -> None:
        if self._current is not None:
            self._current.cancelled.set()

    def _submit(self, work) -> int:
        self.cancel()
        self._next_id += 1
        job = _Job(work, self._next_id, self)
        self._current = job
        self._pool.start(job)
        return job.job_id

    def wait(self, msecs: int = 30_000) -> bool:
        return self._pool.waitForDone(msecs)
