"""Peak memory of a process tree, sampled from /proc (Linux), plus small run helpers."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

PROC = Path("/proc")
SAMPLE_SECONDS = 0.1
ROOT = Path(__file__).resolve().parents[1]


def _ppid(pid: str) -> int | None:
    try:
        stat = (PROC / pid / "stat").read_text()
    except OSError:
        return None
    return int(stat.rsplit(")", 1)[1].split()[1])


def tree(root: int) -> list[int]:
    """``root`` and all its descendants (including forkserver-spawned grandchildren)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir(PROC):
        if entry.isdigit() and (parent := _ppid(entry)) is not None:
            children.setdefault(parent, []).append(int(entry))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, ()))
    return found


def _kb_field(path: Path, field: str) -> float:
    try:
        for line in path.read_text().splitlines():
            if line.startswith(field):
                return int(line.split()[1]) / 1024
    except (OSError, ValueError):
        pass
    return 0.0


def rss_mb(pid: int) -> float:
    """Resident set size of one process in MB (0 if it is gone)."""
    return _kb_field(PROC / str(pid) / "status", "VmRSS:")


def pss_mb(pid: int) -> float:
    """Proportional set size in MB: shared pages split between their users."""
    return _kb_field(PROC / str(pid) / "smaps_rollup", "Pss:")


@dataclass
class TreeSampler:
    """Samples the summed RSS of a process tree in a thread; ``peak_mb`` is the maximum."""

    root: int
    peak_mb: float = 0.0
    peak_single_mb: float = 0.0
    peak_pss_mb: float = 0.0
    processes: int = 0
    _stop: threading.Event = field(default_factory=threading.Event)

    def __enter__(self) -> TreeSampler:
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.is_set():
            self.sample()
            self._stop.wait(SAMPLE_SECONDS)

    def sample(self) -> None:
        """Take one sample now."""
        if not PROC.is_dir():
            return
        pids = tree(self.root)
        sizes = [rss_mb(pid) for pid in pids]
        self.processes = max(self.processes, len(sizes))
        self.peak_mb = max(self.peak_mb, sum(sizes))
        self.peak_pss_mb = max(self.peak_pss_mb, sum(pss_mb(pid) for pid in pids))
        self.peak_single_mb = max(self.peak_single_mb, max(sizes, default=0.0))


def self_peak_mb() -> float:
    """This process's peak RSS in MB: VmHWM (ru_maxrss can carry the parent's peak over exec)."""
    try:
        for line in (PROC / "self" / "status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_json(module: str, args: list[str], timeout: float) -> dict[str, Any]:
    """Run ``python -m module args`` in a child, sample its tree's memory, parse its JSON line."""
    command = [sys.executable, "-m", module, *args]
    started = time.perf_counter()
    with (
        subprocess.Popen(
            command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        ) as child,
        TreeSampler(child.pid) as sampler,
    ):
        try:
            out, err = child.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            child.kill()
            out, err = child.communicate()
    result = _last_json(out) or {"error": f"exit {child.returncode}: {err[-2000:]}"}
    result.setdefault("peak_rss_mb_tree", round(sampler.peak_mb, 1))
    result.setdefault("peak_rss_mb_largest_process", round(sampler.peak_single_mb, 1))
    result.setdefault("peak_pss_mb_tree", round(sampler.peak_pss_mb, 1))
    result.setdefault("processes", sampler.processes)
    result["wall_s"] = round(time.perf_counter() - started, 2)
    return result


def _last_json(out: str) -> dict[str, Any] | None:
    for line in reversed(out.splitlines()):
        if line.startswith("{"):
            try:
                return dict(json.loads(line))
            except json.JSONDecodeError:
                return None
    return None
