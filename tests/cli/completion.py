#!/usr/bin/env python3
"""The generated bash and zsh completions and manual page (issue 8, point 9).

Usage: completion.py TERMGRAPH GENERATED_DIR

GENERATED_DIR holds what the build generated: termgraph.bash, _termgraph,
termgraph.1. Checks that

- each is what `termgraph --generate KIND` writes now (not stale);
- bash: the script parses (`bash -n`), registers the completion
  (`complete -p termgraph`), and completes commands, every option of every
  command (compared with its --help), option values (choices, rule ids,
  levels) and file names;
- zsh (when zsh is installed): the function parses (`zsh -n`); always: every
  option of every command is in the command's `_arguments` block;
- man: groff renders it without a warning (when groff is installed; `man
  -l` too when man is), and the rendered page names every command and every
  option of every command.
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile

FAILURES = []


def expect(name, got, wanted):
    if got != wanted:
        FAILURES.append(f"{name}:\n  got    {got!r}\n  wanted {wanted!r}")


def help_options(termgraph, *command):
    """The option names of `termgraph [COMMAND] --help`, and the commands."""
    out = subprocess.run([termgraph, *command, "--help"], capture_output=True, text=True,
                         check=True, timeout=60).stdout
    options, commands, block = set(), [], None
    for line in out.splitlines():
        if re.match(r"^[A-Z][A-Za-z]*:$", line):
            block = line[:-1]
            continue
        if not line.strip():
            block = None
            continue
        m = re.match(r"^  (-[^ ]+)", line)
        if block == "Options" and m:
            options.update(n for n in m.group(1).split(",") if n.startswith("-"))
        m = re.match(r"^  ([a-z][\w-]*)\s", line)
        if block == "Subcommands" and m:
            commands.append(m.group(1))
    return options, commands


def help_choices(termgraph, command, option):
    """The values `termgraph COMMAND --help` lists for OPTION ("{a,b}"), sorted."""
    out = subprocess.run([termgraph, command, "--help"], capture_output=True, text=True,
                         check=True, timeout=60).stdout
    m = re.search(rf"^  {re.escape(option)} [A-Z]+:\{{([^}}]*)\}}", out, re.M)
    return sorted(m.group(1).split(",")) if m else []


def bash_complete(script, words):
    """COMPREPLY for the command line `words` (the last is being typed)."""
    array = " ".join("'" + w.replace("'", "'\\''") + "'" for w in words)
    program = (f"source '{script}'\nCOMP_WORDS=({array})\nCOMP_CWORD={len(words) - 1}\n"
               "_termgraph\nprintf '%s\\n' \"${COMPREPLY[@]}\"\n")
    p = subprocess.run(["bash", "-c", program], capture_output=True, text=True, timeout=60)
    if p.returncode != 0 or p.stderr:
        FAILURES.append(f"bash completion of {words}: exit {p.returncode}\n{p.stderr}")
    return sorted(l for l in p.stdout.splitlines() if l)


def main():
    termgraph, generated = sys.argv[1:3]
    files = {"bash": "termgraph.bash", "zsh": "_termgraph", "man": "termgraph.1"}
    texts = {}
    for kind, name in files.items():
        path = os.path.join(generated, name)
        with open(path, encoding="utf-8") as f:
            texts[kind] = f.read()
        now = subprocess.run([termgraph, "--generate", kind], capture_output=True, text=True,
                             timeout=60)
        expect(f"{name} is what --generate {kind} writes", texts[kind], now.stdout)

    top_options, commands = help_options(termgraph)
    options = {c: help_options(termgraph, c)[0] for c in commands}
    rules = subprocess.run([termgraph, "--generate", "bash"], capture_output=True, text=True,
                           timeout=60).stdout
    rule_ids = re.search(r'local rules="([^"]*)"', rules).group(1).split()
    expect("rule ids in the bash script include dangling-reference",
           "dangling-reference" in rule_ids, True)

    # -- bash -----------------------------------------------------------------
    script = os.path.join(generated, files["bash"])
    p = subprocess.run(["bash", "-n", script], capture_output=True, text=True, timeout=60)
    expect("bash -n", (p.returncode, p.stderr), (0, ""))
    p = subprocess.run(["bash", "-c", f"source '{script}'; complete -p termgraph"],
                       capture_output=True, text=True, timeout=60)
    expect("complete -p termgraph", p.stdout.strip(), "complete -F _termgraph termgraph")
    expect("bash: commands", bash_complete(script, ["termgraph", ""]), sorted(commands))
    expect("bash: ch", bash_complete(script, ["termgraph", "ch"]), ["check"])
    expect("bash: top-level options", bash_complete(script, ["termgraph", "-"]),
           sorted(top_options))
    for command in commands:
        expect(f"bash: every option of {command}",
               bash_complete(script, ["termgraph", command, "-"]), sorted(options[command]))
    expect("bash: --dis", bash_complete(script, ["termgraph", "check", "--dis"]), ["--disable"])
    expect("bash: --format values", bash_complete(script, ["termgraph", "check", "--format", ""]),
           help_choices(termgraph, "check", "--format"))
    expect("bash: --format values include text and json",
           {"text", "json"} <= set(help_choices(termgraph, "check", "--format")), True)
    expect("bash: --to values", bash_complete(script, ["termgraph", "convert", "--to", ""]),
           help_choices(termgraph, "convert", "--to"))
    expect("bash: --to values include native and tbx",
           {"native", "tbx"} <= set(help_choices(termgraph, "convert", "--to")), True)
    expect("bash: rule ids", bash_complete(script, ["termgraph", "check", "--disable", "dangling-"]),
           ["dangling-reference"])
    expect("bash: every rule id", bash_complete(script, ["termgraph", "convert", "--enable", ""]),
           sorted(rule_ids))
    expect("bash: --severity RULE",
           bash_complete(script, ["termgraph", "check", "--severity", "circular-d"]),
           ["circular-definition="])
    expect("bash: --severity RULE=LEVEL",
           bash_complete(script, ["termgraph", "check", "--severity", "circular-definition", "=",
                                  "w"]), ["warning"])
    expect("bash: help COMMAND", bash_complete(script, ["termgraph", "help", "con"]), ["convert"])
    with tempfile.TemporaryDirectory() as d:
        for name in ("alpha.xml", "alps.tbx"):
            open(os.path.join(d, name), "w").close()
        expect("bash: PATH completes files",
               bash_complete(script, ["termgraph", "check", os.path.join(d, "al")]),
               [os.path.join(d, "alpha.xml"), os.path.join(d, "alps.tbx")])
        expect("bash: --config completes files",
               bash_complete(script, ["termgraph", "check", "--config", os.path.join(d, "alph")]),
               [os.path.join(d, "alpha.xml")])

    # -- zsh ------------------------------------------------------------------
    zsh_text = texts["zsh"]
    expect("zsh: #compdef", zsh_text.splitlines()[0], "#compdef termgraph")
    if shutil.which("zsh"):
        p = subprocess.run(["zsh", "-n", os.path.join(generated, files["zsh"])],
                           capture_output=True, text=True, timeout=60)
        expect("zsh -n", (p.returncode, p.stderr), (0, ""))
    else:
        print("zsh not installed: zsh -n skipped")
    for command in commands:
        m = re.search(rf"^        {command}\)\n(.*?)^          ;;$", zsh_text, re.S | re.M)
        if not m:
            FAILURES.append(f"zsh: no block for {command}")
            continue
        found = set(re.findall(r"^            '(?:\*|\([^)]*\))(-[\w-]+)", m.group(1), re.M))
        expect(f"zsh: every option of {command}", found, options[command])
        expect(f"zsh: {command} in the command list",
               bool(re.search(rf"^    '{command}:", zsh_text, re.M)), True)

    # -- man ------------------------------------------------------------------
    page = os.path.join(generated, files["man"])
    expect("man: .TH", texts["man"].split("\n.TH ")[1].split()[0:2], ["TERMGRAPH", "1"])
    rendered = None
    if shutil.which("groff"):
        p = subprocess.run(["groff", "-man", "-Tutf8", "-ww", "-z", page], capture_output=True,
                           text=True, timeout=60)
        expect("groff -ww: no warnings", (p.returncode, p.stderr), (0, ""))
        p = subprocess.run(["groff", "-man", "-Tascii", "-P", "-cbou", page],
                           capture_output=True, text=True, timeout=60)
        rendered = p.stdout
    else:
        print("groff not installed: the page is checked as text")
    if shutil.which("man"):
        env = dict(os.environ, MANPAGER="cat", PAGER="cat", MANWIDTH="100")
        p = subprocess.run(["man", "-l", page], capture_output=True, text=True, timeout=60,
                           env=env)
        expect("man -l: status", p.returncode, 0)
        rendered = rendered or p.stdout
    if rendered is None:
        rendered = texts["man"].replace("\\-", "-").replace("\\fB", "").replace("\\fI", "") \
            .replace("\\fR", "")
    for section in ("NAME", "SYNOPSIS", "DESCRIPTION", "COMMANDS", "EXIT STATUS"):
        expect(f"man: section {section}", bool(re.search(rf"^{section}$", rendered, re.M)), True)
    # Each command's options in its own subsection.
    for i, command in enumerate(commands):
        start = re.search(rf"^   termgraph {command}$", rendered, re.M)
        if not start:
            FAILURES.append(f"man: no subsection for {command}")
            continue
        following = [re.search(rf"^   termgraph {c}$", rendered, re.M) for c in commands[i + 1:]]
        ends = [m.start() for m in following if m] + [rendered.find("\nCONFIGURATION")]
        body = rendered[start.end():min(e for e in ends if e > start.end())]
        found = set(re.findall(r"(?<![\w-])(--?[a-zA-Z][\w-]*)", body))
        missing = options[command] - found
        expect(f"man: every option of {command}", missing, set())

    if FAILURES:
        print("\n".join(FAILURES))
        sys.exit(1)
    print(f"completion and manual page: {len(commands)} commands checked")


if __name__ == "__main__":
    main()
