"""Kept, pre-warmed Jupyter kernels for running report notebooks.

Starting a kernel and importing pandas, scipy and plotly in it costs seconds. This module keeps
a process-wide pool of kernels: a notebook run takes one, and gives it back when it ends, so a
batch of reports on ``n`` threads (or a Dask worker's thread) pays that once per kernel, not
once per report. Before a kept kernel runs its next notebook its namespace is reset
(``%reset -f``), so no variable leaks from one report into the next, while imported modules
stay loaded. A kernel that died is replaced.

:func:`prestart_kernels` starts kernels in the background and imports the report notebooks'
modules in them (:data:`WARM_IMPORTS`) while the caller does something else — reads and
validates the events, imports papermill — so the first report starts in a warm kernel.
"""

from __future__ import annotations

import atexit
import concurrent.futures as futures
import os
import queue
import shutil
import tempfile
import threading
import time
from pathlib import Path

from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import AsyncKernelManager
from jupyter_core.paths import jupyter_path
from jupyter_core.utils import run_sync

__all__ = [
    "WARM_IMPORTS",
    "KernelsStopped",
    "allow_kernels",
    "checkin",
    "checkout",
    "cores",
    "kept_kernels",
    "prepare",
    "prestart_for",
    "prestart_kernels",
    "shutdown_kernels",
    "stop_kernels",
    "wait_until_warm",
]

#: What a pre-started kernel imports before its first notebook: the modules the shipped report
#: notebooks use, and the heavy ones those import on first use. Each is imported on its own,
#: a missing optional one skipped, and no name is left bound, so a notebook still starts from
#: an empty namespace. The garbage collector pauses while they are imported (the imports make
#: objects, not garbage: a tenth less time), then what they made is frozen
#: (:func:`gc.freeze`): it lives as long as the kernel, and the collections a notebook
#: triggers no longer walk it (a tenth of a second less per report).
WARM_IMPORTS = (
    "IPython.display",
    "openpyxl",  # improvement_plan.xlsx
    "plotly.graph_objects",
    "plotly.io",
    "sra_analysis.charts",
    "sra_analysis.io.load",
    "sra_analysis.reports.pages.focus",
    "sra_analysis.reports.pages.improvement_plan",
    "sra_analysis.reports.pages.present",
    "sra_analysis.reports.pages.session",
    "sra_analysis.review.evaluate",
    "sra_analysis.review.slicing",
    "sra_analysis.rollup.artefacts",
)
_WARM_CODE = (
    "def _sra_warm(names):\n"
    "    gc = __import__('gc')\n"
    "    gc.disable()\n"
    "    try:\n"
    "        for name in names:\n"
    "            try:\n"
    "                __import__(name)\n"
    "            except Exception:\n"
    "                pass\n"
    "    finally:\n"
    "        gc.freeze()\n"
    "        gc.enable()\n"
    f"_sra_warm({list(WARM_IMPORTS)!r})\n"
    "del _sra_warm"
)
_WARM_TIMEOUT = 300
_STOP_WAIT = 10

_LOCK = threading.Lock()
#: Set by :func:`stop_kernels`: no notebook starts, warming kernels give up.
_STOPPED = threading.Event()
#: Idle kernels by kernel name, newest last; a pre-started one is a future until it is warm.
_IDLE: dict[str, list[futures.Future]] = {}
#: Every kernel this process started and has not shut down.
_ALL: list[AsyncKernelManager] = []
#: Kernels that ran a notebook, by id(): their namespace is reset before the next one.
_USED: set[int] = set()


class KernelsStopped(RuntimeError):
    """The kernels were stopped (an interrupted batch): no notebook starts."""


class _KernelSpecs(KernelSpecManager):
    """jupyter_client's kernel specs, found without importing IPython when they can be.

    jupyter_client searches Jupyter's kernel folders, then IPython's (``~/.ipython/kernels``),
    whose path it asks IPython for: importing IPython costs this process a third of a second
    before the first kernel even starts. Here Jupyter's folders are searched first on their
    own; only a kernel not found there is looked up the usual way, IPython's folder included.
    The folder found is the same either way, as Jupyter's folders come first in both.
    """

    def _find_spec_directory(self, kernel_name: str) -> str | None:
        if not self.trait_has_value("kernel_dirs"):
            for kernel_dir in jupyter_path("kernels"):
                if not os.path.isdir(kernel_dir):
                    continue
                for name in os.listdir(kernel_dir):
                    path = os.path.join(kernel_dir, name)
                    if name.lower() == kernel_name and os.path.isfile(
                        os.path.join(path, "kernel.json")
                    ):
                        return path
        return super()._find_spec_directory(kernel_name)


class _KeptKernelManager(AsyncKernelManager):
    """A kernel manager that notices a stopped kernel has ended within 10 ms, not 100 ms
    (jupyter_client's poll interval), when it is shut down: a command's exit waits on it."""

    async def _async_wait(self, pollinterval: float = 0.01) -> None:
        await super()._async_wait(pollinterval=min(pollinterval, 0.01))


_SPECS: list[KernelSpecManager] = []


def _new_manager(kernel_name: str) -> AsyncKernelManager:
    """A new, unstarted kernel manager, registered so that :func:`shutdown_kernels` stops it.

    Raises :class:`KernelsStopped` after :func:`stop_kernels`: the check and the registration
    hold one lock, so a manager is either refused or seen by the stop.
    """
    # local IPC sockets instead of TCP ports, in a private folder (not the cwd)
    sockets = Path(tempfile.mkdtemp(prefix="sra-kernel-")) / "kernel"
    with _LOCK:
        if not _SPECS:  # one for the process: it only reads the kernel folders
            _SPECS.append(_KernelSpecs())
    manager = _KeptKernelManager(
        kernel_name=kernel_name, transport="ipc", ip=str(sockets), kernel_spec_manager=_SPECS[0]
    )
    with _LOCK:
        stopped = _STOPPED.is_set()
        if not stopped:
            _ALL.append(manager)
    if stopped:
        shutil.rmtree(sockets.parent, ignore_errors=True)
        raise KernelsStopped("the kernels were stopped: the batch was interrupted")
    return manager


def _start_warm(kernel_name: str) -> AsyncKernelManager:
    """Start a kernel and import :data:`WARM_IMPORTS` in it (runs on a background thread).

    A kernel that fails to start or to warm up is stopped, and the error passes on.
    """
    manager = _new_manager(kernel_name)
    try:
        run_sync(manager.start_kernel)()
        # the manager's own client: it knows the kernel process, so it can tell a kernel
        # still starting from a dead one
        client = manager.client()
        client.start_channels()
        try:
            run_sync(client.wait_for_ready)(timeout=_WARM_TIMEOUT)
            msg_id = client.execute(_WARM_CODE, silent=True, store_history=False)
            _await_reply(client, msg_id, manager)
        finally:
            client.stop_channels()
    except BaseException:
        _shutdown(manager)
        raise
    return manager


def _await_reply(client, msg_id: str, manager: AsyncKernelManager) -> None:
    """Wait for the reply to ``msg_id``, giving up as soon as the kernel dies or is stopped
    (an interrupted batch), or after :data:`_WARM_TIMEOUT` seconds."""
    deadline = time.monotonic() + _WARM_TIMEOUT
    while True:
        if _STOPPED.is_set() or manager not in _ALL:
            raise KernelsStopped("the kernels were stopped while this one warmed up")
        if not run_sync(manager.is_alive)():
            raise RuntimeError("the kernel died while it warmed up")
        if time.monotonic() > deadline:
            raise TimeoutError(f"the kernel did not warm up in {_WARM_TIMEOUT} s")
        try:
            reply = run_sync(client.get_shell_msg)(timeout=0.5)
        except queue.Empty:
            continue
        if reply.get("parent_header", {}).get("msg_id") == msg_id:
            return


def prestart_kernels(n: int, kernel_name: str = "python3") -> None:
    """Start ``n`` kernels in the background, each importing :data:`WARM_IMPORTS`.

    Returns at once; the next ``n`` notebook runs of this process take these kernels (waiting
    for one still warming up). Kernels already idle count towards ``n``.
    """
    with _LOCK:
        idle = _IDLE.setdefault(kernel_name, [])
        missing = n - len(idle)
        for _ in range(missing):
            future: futures.Future = futures.Future()
            idle.insert(0, future)  # taken after any kernel that is warm already
            threading.Thread(
                target=_fulfil, args=(future, kernel_name), name="sra-kernel-start", daemon=True
            ).start()


def cores() -> int:
    """The cores this process may run on: the default number of reports at once."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


def prestart_for(events: int, workers: int | None = None, kernel_name: str = "python3") -> None:
    """Start the kernels a batch of ``events`` reports on ``workers`` threads will use (one
    per core by default): :func:`prestart_kernels` of the smaller number."""
    prestart_kernels(min(workers or cores(), events), kernel_name)


def wait_until_warm(kernel_name: str = "python3") -> int:
    """Wait for the kernels :func:`prestart_kernels` started; returns how many are idle."""
    with _LOCK:
        pending = list(_IDLE.get(kernel_name, []))
    for future in pending:
        try:
            future.result()
        except Exception:  # a kernel that failed is not counted; a run starts a fresh one
            pass
    with _LOCK:
        return sum(1 for f in _IDLE.get(kernel_name, []) if f.done() and not f.exception())


def _fulfil(future: futures.Future, kernel_name: str) -> None:
    try:
        future.set_result(_start_warm(kernel_name))
    except BaseException as error:  # the notebook run that takes it starts a fresh kernel
        future.set_exception(error)


def checkout(kernel_name: str) -> AsyncKernelManager:
    """An idle kernel of this name (waiting for a warming one), or a new unstarted one.

    Raises
    ------
    KernelsStopped
        After :func:`stop_kernels`: an interrupted batch starts no notebook.
    """
    while True:
        with _LOCK:  # checked under the lock stop_kernels takes to empty the pool
            if _STOPPED.is_set():
                raise KernelsStopped("the kernels were stopped: the batch was interrupted")
            idle = _IDLE.get(kernel_name)
            future = idle.pop() if idle else None
        if future is None:
            return _new_manager(kernel_name)
        try:
            manager = future.result()
        except Exception:
            continue
        if manager.has_kernel and run_sync(manager.is_alive)():
            return manager
        _shutdown(manager)


def checkin(kernel_name: str, manager: AsyncKernelManager) -> None:
    future: futures.Future = futures.Future()
    future.set_result(manager)
    with _LOCK:
        if manager in _ALL:  # not shut down meanwhile (an interrupt)
            _IDLE.setdefault(kernel_name, []).append(future)


def _shutdown(manager: AsyncKernelManager) -> None:
    with _LOCK:
        if manager in _ALL:
            _ALL.remove(manager)
        _USED.discard(id(manager))
    try:
        if manager.has_kernel:
            run_sync(manager.shutdown_kernel)(now=True)
    finally:
        shutil.rmtree(Path(manager.ip).parent, ignore_errors=True)


def stop_kernels() -> None:
    """Stop every kernel now and start no notebook until :func:`allow_kernels` (an
    interrupted batch: notebooks running end with a dead kernel, none starts)."""
    _STOPPED.set()
    shutdown_kernels()


def allow_kernels() -> None:
    """Let notebooks start again after :func:`stop_kernels` (a new batch begins)."""
    _STOPPED.clear()


def kept_kernels() -> int:
    """How many kernels this process has started and not shut down."""
    with _LOCK:
        return len(_ALL)


def shutdown_kernels() -> None:
    """Stop every kernel this process started, idle, busy or warming up (also run at exit).

    A notebook running in a kernel stopped here fails with a dead kernel; a kernel still
    warming up gives up and is stopped by its own thread, which this waits for briefly.
    """
    with _LOCK:
        pending = [f for idle in _IDLE.values() for f in idle if not f.done()]
        _IDLE.clear()
        managers = list(_ALL)
    for manager in managers:
        try:
            _shutdown(manager)
        except Exception:  # stopping the others matters more than this one's complaint
            pass
    futures.wait(pending, timeout=_STOP_WAIT)


atexit.register(shutdown_kernels)


def prepare(manager: AsyncKernelManager) -> None:
    """Make a checked-out kernel ready for a notebook: reset the namespace of one that ran a
    notebook before (imported modules stay), and mark it as used."""
    with _LOCK:
        used = id(manager) in _USED
        _USED.add(id(manager))
    if not (used and manager.has_kernel):
        return
    client = manager.client()
    client.start_channels()
    try:
        run_sync(client.execute_interactive)(
            "get_ipython().run_line_magic('reset', '-f')", silent=True, store_history=False,
            timeout=60,
        )  # fmt: skip
    finally:
        client.stop_channels()
