"""One whole-fair export, inside its own fresh process, measured by that process.

The board's modules are imported inside ``worker``: the benchmark's parent process imports this module
too, and stays small.
"""

from __future__ import annotations

import json
import time
from pathlib import Path


def worker(file_format: str, database: Path, output: Path, trace: bool) -> None:
    """Runs inside the child process: one whole-fair export; prints what it measured as JSON."""
    import tracemalloc

    from jobboard.core.db import create_db_engine
    from jobboard.exports.plans import Export, ExportFormat, ExportScope
    from jobboard.exports.streaming import write_export_file

    engine = create_db_engine(f"sqlite:///{database}")
    baseline_mb = _peak_rss_mb()
    if trace:
        tracemalloc.start()
    started = time.perf_counter()
    rows = write_export_file(
        engine, Export(scope=ExportScope(), file_format=ExportFormat(file_format)), output
    )
    seconds = time.perf_counter() - started
    traced_mb = tracemalloc.get_traced_memory()[1] / 2**20 if trace else None
    engine.dispose()
    print(
        json.dumps(
            {
                "rows": rows,
                "seconds": seconds,
                "baseline_mb": baseline_mb,
                "traced_peak_mb": traced_mb,
                "peak_mb": _peak_rss_mb(),
            }
        )
    )


def _peak_rss_mb() -> float:
    """The peak resident memory of this process image (VmHWM; ``ru_maxrss`` would count the parent's
    memory at fork time too)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
