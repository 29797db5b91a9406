#!/usr/bin/env python3
"""docs/cli.md and `--help` name the same commands, options and arguments.

Usage: help_docs.py TERMGRAPH DOCS/cli.md

From `termgraph --help` and `termgraph COMMAND --help`: the commands, each
command's options and positional arguments. From docs/cli.md: the synopsis
(the first code block, one line a command) and the `## termgraph COMMAND`
sections. Fails when

- a command of --help has no synopsis line or no section, or the docs have
  a command --help does not list;
- an option or argument of a command's --help is missing from its synopsis
  line (one name of an option with several is enough there: `-o FILE`), or
  a name of an option is not written (as `--option`) in its section;
- the synopsis line or the section names an option the command does not
  have.

`-h,--help` is every command's ("Every command has `--help`") and the
top-level options stand on the synopsis line `termgraph --help | --version`.
"""

import re
import subprocess
import sys

OPTION = re.compile(r"(?<![\w-])(--?[a-zA-Z][\w-]*)")
HELP_OPTIONS = {"-h", "--help"}


def help_text(termgraph, *command):
    p = subprocess.run([termgraph, *command, "--help"], capture_output=True, text=True,
                       timeout=300)
    if p.returncode != 0:
        sys.exit(f"FAIL: termgraph {' '.join(command)} --help: exit status {p.returncode}\n"
                 f"{p.stderr}")
    return p.stdout


def sections_of(text):
    """{heading: [lines]} for the "Heading:" blocks of CLI11's help."""
    blocks, current = {}, None
    for line in text.splitlines():
        if re.match(r"^[A-Z][A-Za-z]*:$", line):
            current = blocks.setdefault(line[:-1], [])
        elif not line.strip():
            current = None
        elif current is not None:
            current.append(line)
    return blocks


def options_of(lines):
    """The options of an Options: block, each as the tuple of its names
    ("-o,--output TEXT" -> ("-o", "--output"))."""
    options = set()
    for line in lines:
        m = re.match(r"^  (-[^ ]+)", line)
        if m:
            options.add(tuple(n for n in m.group(1).split(",") if n.startswith("-")))
    return options


def positionals_of(lines):
    return {m.group(1) for m in (re.match(r"^  ([A-Z][A-Z_]*)\b", l) for l in lines) if m}


def read_help(termgraph):
    top = sections_of(help_text(termgraph))
    commands = {}
    for line in top.get("Subcommands", []):
        m = re.match(r"^  ([a-z][\w-]*)\s", line)
        if m:
            blocks = sections_of(help_text(termgraph, m.group(1)))
            commands[m.group(1)] = (options_of(blocks.get("Options", [])),
                                    positionals_of(blocks.get("Positionals", [])))
    return options_of(top.get("Options", [])), commands


def read_docs(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    synopsis_block = re.search(r"^```\n(.*?)^```", text, re.S | re.M)
    if not synopsis_block:
        sys.exit(f"FAIL: {path}: no synopsis code block")
    synopsis = {}
    for line in synopsis_block.group(1).splitlines():
        words = line.split()
        if len(words) >= 2 and words[0] == "termgraph":
            synopsis[words[1]] = line
    sections = {}
    parts = re.split(r"^## `termgraph ([a-z][\w-]*)`\n", text, flags=re.M)
    for name, body in zip(parts[1::2], parts[2::2]):
        sections[name] = body.split("\n## ")[0]
    return text, synopsis, sections


def main():
    termgraph, docs = sys.argv[1:3]
    top_options, commands = read_help(termgraph)
    text, synopsis, sections = read_docs(docs)
    problems = []
    if not commands:
        problems.append("termgraph --help lists no commands")

    top_line = synopsis.pop("--help", "")
    for names in sorted(top_options):
        if not set(names) & (HELP_OPTIONS | set(OPTION.findall(top_line))):
            problems.append(f"termgraph {','.join(names)}: not on the synopsis line "
                            "'termgraph --help | ...'")
    if "Every command has `--help`" not in text:
        problems.append("docs/cli.md does not say that every command has `--help`")

    for name in sorted(set(commands) | set(synopsis) | set(sections)):
        if name not in commands:
            problems.append(f"termgraph {name}: in docs/cli.md, but not a command of "
                            "termgraph --help")
            continue
        options, positionals = commands[name]
        options = {names for names in options if not set(names) & HELP_OPTIONS}
        known = {n for names in options for n in names}
        line = synopsis.get(name)
        section = sections.get(name)
        if line is None:
            problems.append(f"termgraph {name}: no synopsis line in docs/cli.md")
            line = ""
        if section is None:
            problems.append(f"termgraph {name}: no section '## `termgraph {name}`' in docs/cli.md")
            section = ""
        in_line = set(OPTION.findall(line))
        in_section = set(re.findall(r"`(--?[a-zA-Z][\w-]*)", section))
        for names in sorted(options):
            if not set(names) & in_line:
                problems.append(f"termgraph {name} {','.join(names)}: missing from its synopsis "
                                "line")
            for option in names:
                if option not in in_section:
                    problems.append(f"termgraph {name} {option}: not described in its section")
        for option in sorted((in_line | in_section) - known - HELP_OPTIONS):
            problems.append(f"termgraph {name} {option}: in docs/cli.md, but not an option of "
                            f"termgraph {name} --help")
        for argument in sorted(positionals):
            if not re.search(rf"\b{argument}\b", line):
                problems.append(f"termgraph {name} {argument}: argument missing from its "
                                "synopsis line")

    if problems:
        print("docs/cli.md and --help disagree:\n  " + "\n  ".join(problems))
        sys.exit(1)
    print(f"docs/cli.md and --help agree on {len(commands)} commands")


if __name__ == "__main__":
    main()
