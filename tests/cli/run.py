#!/usr/bin/env python3
"""Runs a command and checks its exit status and output.

Usage: run.py [--exit N] [--stdout RE]... [--stderr RE]... [--no-stdout RE]...
              [--stdout-empty] [--stderr-empty] [--env NAME=VALUE]... [--unset NAME]... -- COMMAND...
       run.py --closed-stdout -- COMMAND...

Every --stdout / --stderr regular expression must match somewhere in that
stream (re.MULTILINE); every --no-stdout one must not. With --closed-stdout
the command's standard output is a pipe whose reading end is already closed:
it must exit with 0 or 2, not be killed by SIGPIPE.
"""

import argparse
import os
import re
import subprocess
import sys


def main():
    argv = sys.argv[1:]
    if "--" not in argv:
        sys.exit("run.py: missing -- before the command")
    split = argv.index("--")
    parser = argparse.ArgumentParser()
    parser.add_argument("--exit", type=int, default=0)
    parser.add_argument("--stdout", action="append", default=[])
    parser.add_argument("--stderr", action="append", default=[])
    parser.add_argument("--no-stdout", action="append", default=[])
    parser.add_argument("--stdout-empty", action="store_true")
    parser.add_argument("--stderr-empty", action="store_true")
    parser.add_argument("--env", action="append", default=[])
    parser.add_argument("--unset", action="append", default=[])
    parser.add_argument("--closed-stdout", action="store_true")
    args = parser.parse_args(argv[:split])
    command = argv[split + 1:]

    env = dict(os.environ)
    for name in args.unset:
        env.pop(name, None)
    for item in args.env:
        name, _, value = item.partition("=")
        env[name] = value

    if args.closed_stdout:
        read_end, write_end = os.pipe()
        os.close(read_end)
        process = subprocess.Popen(command, stdout=write_end, stderr=subprocess.PIPE, env=env)
        os.close(write_end)
        _, stderr = process.communicate(timeout=300)
        if process.returncode not in (0, 2):
            print(f"FAIL: exit status {process.returncode} with a closed standard output "
                  f"(negative: killed by a signal)\n{stderr.decode(errors='replace')}")
            sys.exit(1)
        print(f"exit status {process.returncode}")
        return

    run = subprocess.run(command, capture_output=True, text=True, env=env, timeout=300)
    problems = []
    if run.returncode != args.exit:
        problems.append(f"exit status {run.returncode}, expected {args.exit}")
    for pattern in args.stdout:
        if not re.search(pattern, run.stdout, re.MULTILINE):
            problems.append(f"stdout does not match {pattern!r}")
    for pattern in args.stderr:
        if not re.search(pattern, run.stderr, re.MULTILINE):
            problems.append(f"stderr does not match {pattern!r}")
    for pattern in args.no_stdout:
        if re.search(pattern, run.stdout, re.MULTILINE):
            problems.append(f"stdout matches {pattern!r}")
    if args.stdout_empty and run.stdout:
        problems.append("stdout is not empty")
    if args.stderr_empty and run.stderr:
        problems.append("stderr is not empty")
    if problems:
        print("command:", " ".join(command))
        print("--- stdout ---")
        print(run.stdout[:20000])
        print("--- stderr ---")
        print(run.stderr[:20000])
        for p in problems:
            print("FAIL:", p)
        sys.exit(1)
    print(run.stdout[:2000])


if __name__ == "__main__":
    main()
