"""A papermill engine that keeps one Jupyter kernel per process across notebooks.

Starting a kernel and importing pandas, scipy and plotly in it costs seconds; a batch of
reports pays that once per worker with this engine. Before each notebook the kernel's
namespace is reset (``%reset -f``), so no variable leaks from one report into the next,
while imported modules stay loaded. A kernel that died is replaced.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path

from jupyter_client.manager import AsyncKernelManager
from jupyter_core.utils import run_sync
from papermill.clientwrap import PapermillNotebookClient
from papermill.engines import NBClientEngine, papermill_engines
from papermill.utils import merge_kwargs, remove_args

__all__ = ["ENGINE_NAME", "KernelReuseEngine", "register_engine", "shutdown_kernels"]

ENGINE_NAME = "sra_kernel_reuse"
_KERNELS: dict[str, AsyncKernelManager] = {}
_USED: set[str] = set()


def _kernel(kernel_name: str) -> AsyncKernelManager:
    manager = _KERNELS.get(kernel_name)
    if manager is not None and manager.has_kernel and not run_sync(manager.is_alive)():
        run_sync(manager.shutdown_kernel)(now=True)
        manager = None
        _USED.discard(kernel_name)
    if manager is None:
        # local IPC sockets instead of TCP ports, in a private folder (not the cwd)
        sockets = Path(tempfile.mkdtemp(prefix="sra-kernel-")) / "kernel"
        manager = AsyncKernelManager(kernel_name=kernel_name, transport="ipc", ip=str(sockets))
        _KERNELS[kernel_name] = manager
    return manager


def shutdown_kernels() -> None:
    """Stop every kernel this process kept (also run at exit)."""
    for manager in _KERNELS.values():
        if manager.has_kernel:
            run_sync(manager.shutdown_kernel)(now=True)
        shutil.rmtree(Path(manager.ip).parent, ignore_errors=True)
    _KERNELS.clear()
    _USED.clear()


atexit.register(shutdown_kernels)


class KernelReuseEngine(NBClientEngine):
    """papermill's nbclient engine, with the process's kept kernel instead of a new one."""

    @classmethod
    def execute_managed_notebook(
        cls,
        nb_man,
        kernel_name,
        log_output=False,
        stdout_file=None,
        stderr_file=None,
        start_timeout=60,
        execution_timeout=None,
        **kwargs,
    ):
        kwargs = remove_args(["input_path", "timeout", "startup_timeout"], **kwargs)
        manager = _kernel(kernel_name)
        final_kwargs = merge_kwargs(
            kwargs,
            timeout=execution_timeout,
            startup_timeout=start_timeout,
            kernel_name=kernel_name,
            log_output=log_output,
            stdout_file=stdout_file,
            stderr_file=stderr_file,
        )
        client = PapermillNotebookClient(nb_man, km=manager, **final_kwargs)
        if kernel_name in _USED and manager.has_kernel:
            _reset_namespace(manager)
        _USED.add(kernel_name)
        try:
            return client.execute()
        finally:
            if client.kc is not None:
                client.kc.stop_channels()


def _reset_namespace(manager: AsyncKernelManager) -> None:
    client = manager.client()
    client.start_channels()
    try:
        run_sync(client.execute_interactive)(
            "get_ipython().run_line_magic('reset', '-f')", silent=True, store_history=False,
            timeout=60,
        )  # fmt: skip
    finally:
        client.stop_channels()


def register_engine() -> None:
    """Make the engine available to ``papermill.execute_notebook(engine_name=ENGINE_NAME)``."""
    papermill_engines.register(ENGINE_NAME, KernelReuseEngine)
