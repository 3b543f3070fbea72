"""A papermill engine that runs each notebook in a kept, pre-warmed kernel.

papermill's nbclient engine starts a new kernel per notebook and shuts it down after. This one
takes a kernel from the process's pool (:mod:`sra_analysis.reports.batch.kernels`), resets its
namespace if it ran a notebook before, and gives it back when the notebook ends.
"""

from __future__ import annotations

from papermill.clientwrap import PapermillNotebookClient
from papermill.engines import NBClientEngine, papermill_engines
from papermill.utils import merge_kwargs, remove_args

from sra_analysis.reports.batch.kernels import checkin, checkout, prepare

__all__ = ["ENGINE_NAME", "KernelReuseEngine", "register_engine"]

ENGINE_NAME = "sra_kernel_reuse"


class KernelReuseEngine(NBClientEngine):
    """papermill's nbclient engine, running each notebook in a kept kernel instead of a new one."""

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
        manager = checkout(kernel_name)
        try:
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
            prepare(manager)
            try:
                return client.execute()
            finally:
                if client.kc is not None:
                    client.kc.stop_channels()
        finally:
            checkin(kernel_name, manager)


def register_engine() -> None:
    """Make the engine available to ``papermill.execute_notebook(engine_name=ENGINE_NAME)``."""
    papermill_engines.register(ENGINE_NAME, KernelReuseEngine)
