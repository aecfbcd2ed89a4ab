#!/usr/bin/python3
"""Loading references for SPEC §6 "reading that table from CSV": pandas.read_csv and numpy.loadtxt on the
file bench/make_data.py wrote. Prints JSON with the seconds of each (one run each: the file is read from
the page cache after the first reader, as it is for Gradus in run_all.sh).
Usage: load_csv.py FILE [--no-loadtxt]
"""
import json
import sys
import time

import numpy as np
import pandas as pd


def main():
    path = sys.argv[1]
    out = {"benchmark": "load csv", "file": path, "pandas": pd.__version__, "numpy": np.__version__}
    t0 = time.perf_counter()
    df = pd.read_csv(path)
    out["pandas_read_csv_s"] = round(time.perf_counter() - t0, 3)
    out["rows"], out["columns"] = df.shape
    if "--no-loadtxt" not in sys.argv:
        t0 = time.perf_counter()
        a = np.loadtxt(path, delimiter=",", skiprows=1)
        out["numpy_loadtxt_s"] = round(time.perf_counter() - t0, 3)
        assert a.shape == df.shape
    print(json.dumps(out))


if __name__ == "__main__":
    main()
