#!/usr/bin/env python3
"""Runs a command with its output discarded and prints wall time, throughput and the peak
resident memory of the command (from getrusage of the waited-for child).

usage: measure.py LABEL BYTES DOCS -- COMMAND...
"""
import resource
import subprocess
import sys
import time

label, size, docs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
command = sys.argv[sys.argv.index("--") + 1:]
start = time.monotonic()
status = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
elapsed = time.monotonic() - start
peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(f"{label:<30} {elapsed:7.2f} s {size / 1e6 / elapsed:8.1f} MB/s {docs / elapsed:9.0f} docs/s"
      f"  peak RSS {peak_kib / 1024:7.1f} MiB  exit {status}")
