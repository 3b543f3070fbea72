"""A batch on a Dask cluster: ``sra-review report ... --scheduler tcp://HOST:8786`` or ``local``.

:func:`dask_executor` connects to an existing ``dask.distributed`` scheduler, or starts a
:class:`~distributed.LocalCluster` of worker processes, and gives the batch a
``concurrent.futures`` executor on it. Events travel to the workers as bytes and reports come
back as bytes (:mod:`sra_analysis.reports.batch.remote`): the workers need ``sra_analysis`` and a
Jupyter ``python3`` kernel installed, not the event folders nor ``OUT``.

Each worker thread keeps one warm kernel across the reports it runs (started when the batch
connects, stopped when the worker closes). A report whose worker dies is retried once by the
batch; if it is lost again it is reported FAILED and the others go on. A cluster started here
(``local``) does not retry on its own (``distributed.scheduler.allowed-failures`` = 0), so
"once" is exact; an existing scheduler applies its own ``allowed-failures`` (Dask's default 3)
before the batch's one retry.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Iterator
from dataclasses import dataclass

from sra_analysis.errors import ClusterError, ParameterError

__all__ = ["DaskBatch", "dask_executor"]

_CONNECT_TIMEOUT = "20s"


@dataclass(frozen=True)
class DaskBatch:
    """An executor on the cluster and how many reports it runs at once."""

    executor: object
    threads: int


def _warm_worker(kernels: int) -> int:
    """On a worker: start its kernels in the background (returns at once: it runs in the
    worker's event loop, which must not block)."""
    from sra_analysis.reports.batch.kernels import prestart_kernels

    prestart_kernels(kernels)
    return os.getpid()


def _kernel_cleanup_plugin():
    from distributed import WorkerPlugin

    class KernelCleanup(WorkerPlugin):
        """Stop the worker's kept kernels when the worker closes."""

        name = "sra-kernel-cleanup"

        def teardown(self, worker) -> None:
            from sra_analysis.reports.batch.kernels import shutdown_kernels

            shutdown_kernels()

    return KernelCleanup()


@contextlib.contextmanager
def dask_executor(scheduler: str, *, workers: int | None = None) -> Iterator[DaskBatch]:
    """Connect to ``scheduler`` (``tcp://HOST:PORT``) or start a local cluster (``"local"``).

    Parameters
    ----------
    scheduler : str
        The scheduler's address, or ``"local"`` for a :class:`~distributed.LocalCluster` of
        ``workers`` processes with one thread each.
    workers : int, optional
        Worker processes of a local cluster; one per core by default. Ignored otherwise.

    Raises
    ------
    ClusterError
        Dask is not installed, or the scheduler does not answer in 20 s.
    """
    try:
        import dask
        from distributed import Client, LocalCluster
    except ImportError:
        raise ClusterError(
            "--scheduler needs dask.distributed: pip install 'sra_analysis[dask]'"
        ) from None
    if not isinstance(scheduler, str) or not scheduler.strip():
        raise ParameterError(f"scheduler must be 'local' or an address such as "
                             f"tcp://HOST:8786, got {scheduler!r}")  # fmt: skip
    cluster = None
    with contextlib.ExitStack() as stack:
        if scheduler == "local":
            with dask.config.set({"distributed.scheduler.allowed-failures": 0}):
                cluster = LocalCluster(
                    n_workers=workers or _cores(), threads_per_worker=1, processes=True,
                    dashboard_address=":0", silence_logs=logging.ERROR,
                )  # fmt: skip
            stack.callback(cluster.close)
            client = Client(cluster)
        else:
            try:
                client = Client(scheduler, timeout=_CONNECT_TIMEOUT)
            except (OSError, TimeoutError, ValueError) as error:
                raise ClusterError(
                    f"cannot reach the Dask scheduler at {scheduler}: {error} — check the "
                    "address (tcp://HOST:8786) and that the scheduler is running"
                ) from None
        stack.callback(client.close)
        client.register_plugin(_kernel_cleanup_plugin())
        threads = sum(client.nthreads().values()) or 1
        per_worker = max(client.nthreads().values(), default=1)
        client.run(_warm_worker, per_worker)
        yield DaskBatch(client.get_executor(pure=False), threads)


def _cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
