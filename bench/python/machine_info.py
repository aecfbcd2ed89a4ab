"""Shared helpers: machine/library info and timing for the Gradus reference benchmarks."""
import ctypes
import ctypes.util
import json
import os
import platform
import statistics
import time


def _cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _openblas_threads():
    """Number of threads the OpenBLAS that numpy links against will use (None if unknown)."""
    try:
        import numpy  # noqa: F401  (make sure the BLAS is loaded)
        for name in ("libopenblas.so.0", "libblas.so.3"):
            try:
                lib = ctypes.CDLL(name)
                fn = getattr(lib, "openblas_get_num_threads", None)
                if fn is not None:
                    return int(fn())
            except OSError:
                continue
    except Exception:
        pass
    return None


def machine_info():
    info = {
        "nproc": os.cpu_count(),
        "affinity_cpus": len(os.sched_getaffinity(0)),
        "cpu_model": _cpu_model(),
        "python": platform.python_version(),
        "python_executable": os.path.realpath(__import__("sys").executable),
    }
    try:
        import numpy
        info["numpy"] = numpy.__version__
    except ImportError:
        info["numpy"] = None
    try:
        import scipy
        info["scipy"] = scipy.__version__
    except ImportError:
        info["scipy"] = None
    try:
        import torch
        info["torch"] = torch.__version__
        info["torch_threads_default"] = torch.get_num_threads()
    except ImportError:
        info["torch"] = None
    info["blas_libblas_so3"] = os.path.realpath("/usr/lib/x86_64-linux-gnu/libblas.so.3")
    info["openblas_threads"] = _openblas_threads()
    return info


def time_median_ms(fn, runs=20, warmup=3):
    """Run fn() warmup times, then `runs` timed times; return dict of ms stats."""
    for _ in range(warmup):
        fn()
    ts = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        ts.append((time.perf_counter() - t0) * 1e3)
    return {
        "median_ms": round(statistics.median(ts), 3),
        "min_ms": round(min(ts), 3),
        "max_ms": round(max(ts), 3),
        "runs": runs,
    }


def dump(obj):
    print(json.dumps(obj, indent=2))
