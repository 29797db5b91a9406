#!/usr/bin/env python3
"""Hostile and broken inputs through the termgraph program (issue 4).

Usage: hostile.py TERMGRAPH WORKDIR

Generates the inputs in WORKDIR at test time (nothing big is committed) and
checks that the program is never killed by a signal, never exits non-zero
without saying why, reports every file even when some are broken, and gives
the expected rule, line and column.
"""

import json
import os
import re
import shutil
import subprocess
import sys

FAILURES = []

HEAD = '<vocabulary xmlns="urn:termgraph:vocabulary:1" xml:lang="en">\n'
GOOD = (HEAD + '  <entry number="1.1"><term>alpha</term><definition>first letter</definition></entry>\n'
        '  <entry number="1.2"><term>beta</term><definition>after alpha (1.1) and (1.9)'
        '</definition></entry>\n</vocabulary>\n')


def run(tg, args, name, stdout=subprocess.PIPE):
    # The timeout only stops a hung run; how fast a run is, is measured by
    # the benchmarks (scripts/bench-limits.sh), never asserted here.
    p = subprocess.run([tg] + args, stdout=stdout, stderr=subprocess.PIPE, timeout=300)
    out = p.stdout.decode("utf-8", "replace") if p.stdout is not None else ""
    err = p.stderr.decode("utf-8", "replace")
    if p.returncode < 0:
        FAILURES.append(f"{name}: killed by signal {-p.returncode}\n{err}")
    elif p.returncode != 0 and not (out.strip() or err.strip()):
        FAILURES.append(f"{name}: exit status {p.returncode} without a message")
    return p.returncode, out, err


def expect(cond, what):
    if not cond:
        FAILURES.append(what)


def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


def main():
    tg, work = sys.argv[1], sys.argv[2]
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)

    # Every file is reported even when some are broken.
    mixed = os.path.join(work, "mixed")
    write(f"{mixed}/a-empty.xml", b"")
    write(f"{mixed}/b-garbage.xml", bytes(range(256)) * 4)
    write(f"{mixed}/c-truncated.xml", GOOD[: len(GOOD) // 2])
    write(f"{mixed}/d-utf16.xml", b"\xff\xfe" + GOOD.encode("utf-16-le"))
    write(f"{mixed}/e-latin1.xml", HEAD.encode() + b'<entry number="2.1"><term>caf\xe9</term>'
          b"<definition>d (2.9)</definition></entry>\n</vocabulary>\n")
    code, out, _ = run(tg, ["check", mixed], "check mixed")
    expect(code == 1, f"check mixed: exit {code}, expected 1\n{out}")
    for pattern in [
        r"^.*a-empty\.xml:1:1: error: malformed XML: empty file: no XML document \[xml-syntax\]$",
        r"^.*b-garbage\.xml:\d+:\d+: error: .*\[(xml-syntax|invalid-encoding)\]$",
        r"^.*c-truncated\.xml:\d+:\d+: error: malformed XML: .*\[xml-syntax\]$",
        r"^.*d-utf16\.xml:3:\d+: error: reference to 1\.9.*\[dangling-reference\]$",
        r"^.*e-latin1\.xml:2:30: error: invalid UTF-8 \(bytes E9\), read as U\+FFFD \[invalid-encoding\]$",
        r"^.*e-latin1\.xml:2:53: error: reference to 2\.9.*\[dangling-reference\]$",
    ]:
        expect(re.search(pattern, out, re.M), f"check mixed: no line matches {pattern!r}\n{out[:3000]}")
    # The UTF-16 file reports the same line and column as its UTF-8 form.
    plain = write(f"{work}/plain/good.xml", GOOD)
    _, plain_out, _ = run(tg, ["check", plain], "check plain")
    m = re.search(r"good\.xml:(\d+:\d+): error: reference to 1\.9", plain_out)
    expect(m and re.search(r"d-utf16\.xml:" + m.group(1) + r": error: reference to 1\.9", out),
           f"UTF-16 position differs from UTF-8\n{plain_out}\n{out[:2000]}")

    # JSON output stays valid UTF-8 JSON whatever the input bytes.
    code, out, _ = run(tg, ["check", "--format", "json", mixed], "check json")
    try:
        doc = json.loads(out)
        files = {os.path.basename(d.get("file", "")) for d in doc.get("diagnostics", [])}
        for f in ["a-empty.xml", "b-garbage.xml", "c-truncated.xml", "d-utf16.xml", "e-latin1.xml"]:
            expect(f in files, f"check json: no finding for {f}: {sorted(files)}")
    except (ValueError, AttributeError) as e:
        FAILURES.append(f"check json: not JSON ({e})\n{out[:2000]}")

    # Entity bombs and external entities: never expanded, never fetched.
    lol = "".join(f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">\n' for i in range(1, 10))
    bomb = write(f"{work}/bomb.xml", '<?xml version="1.0"?>\n<!DOCTYPE vocabulary [\n<!ENTITY lol0 "lol">\n'
                 + lol + '<!ENTITY xxe SYSTEM "file:///etc/passwd">\n]>\n' + HEAD
                 + '<entry number="1"><term>x</term><definition>&lol9; &xxe;</definition></entry>\n'
                 '</vocabulary>\n')
    code, out, err = run(tg, ["lookup", "--vocab", bomb, "x"], "bomb")
    expect(code == 0 and "&lol9; &xxe;" in out and "root:" not in out,
           f"bomb: exit {code}\n{out}\n{err}")

    # Symbolic link loops in a directory argument: no endless walk, the
    # broken links are named.
    loops = os.path.join(work, "loops")
    write(f"{loops}/good.xml", GOOD)
    os.symlink(loops, f"{loops}/self")
    os.symlink(f"{loops}/b.xml", f"{loops}/a.xml")
    os.symlink(f"{loops}/a.xml", f"{loops}/b.xml")
    code, out, err = run(tg, ["check", loops], "loops")
    expect(code == 2, f"loops: exit {code}, expected 2")
    expect(re.search(r"a\.xml: error: cannot read .*[Ss]ymbolic links.*\[unreadable-input\]", out),
           f"loops: a.xml not reported\n{out}")
    expect(re.search(r"good\.xml:3:\d+: error: reference to 1\.9", out), f"loops: good.xml not checked\n{out}")

    # A directory given where a file is read, and a missing path.
    code, out, err = run(tg, ["check", os.path.join(work, "no-such.xml")], "missing")
    expect(code == 2 and re.search(r"no-such\.xml: error: no such file or directory", out),
           f"missing: exit {code}\n{out}{err}")
    code, out, err = run(tg, ["convert", "--to", "native", "-o", work, plain], "convert to a directory")
    expect(code == 2 and re.search(r"^termgraph: error: cannot write", err, re.M),
           f"convert to a directory: exit {code}\n{err}")
    expect(os.path.isdir(work), "convert to a directory: the directory is gone")

    # Standard output that fails: a full device, a closed pipe.
    if os.path.exists("/dev/full"):
        with open("/dev/full", "wb") as full:
            code, _, err = run(tg, ["convert", "--to", "native", plain], "stdout /dev/full", stdout=full)
        expect(code == 2 and err.strip(), f"stdout /dev/full: exit {code}, stderr {err!r}")
        with open("/dev/full", "wb") as full:
            code, _, err = run(tg, ["check", mixed], "check to /dev/full", stdout=full)
        expect(code == 2 and err.strip(), f"check to /dev/full: exit {code}, stderr {err!r}")
    r, w = os.pipe()
    os.close(r)
    code, _, err = run(tg, ["check", mixed], "closed pipe", stdout=w)
    os.close(w)
    expect(code in (1, 2), f"closed pipe: exit {code}")

    if FAILURES:
        print("\n\n".join(FAILURES))
        sys.exit(1)
    print("all hostile CLI cases pass")


if __name__ == "__main__":
    main()
