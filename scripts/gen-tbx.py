#!/usr/bin/env python3
"""Writes a two-language TBX 2008 termbase in the shape of a Microsoft
terminology / SDL MultiTerm export, and the lookups that must find its
entries.

Every entry (termEntry id "N_1") has:
  * a subject field (descrip subjectField) and two transactions at entry
    level: origination and modification, each with its responsibility and
    date (transacGrp), as MultiTerm writes them;
  * an English language section (en-US) with a definition in a descripGrp
    and one term in an ntig/termGrp with its part of speech, every third
    entry an admitted abbreviation too;
  * an Arabic-script section (Arabic `ar-SA` or Uyghur `ug-CN`) with one
    term and its part of speech, no definition (as such exports have).
English terms are invented words, unique; Arabic-script terms are a common
word and an invented word in Arabic letters, unique too. The document is on
one line, as those exports are.

The expected answers are a few entries spread over the file: their id,
subject field, English terms (the term and any abbreviation) and
Arabic-script term (each term must find its entry), as JSON.

Usage: gen-tbx.py --entries 5000 --out export.tbx [--script ar|ug]
                  [--expected expected.json]
"""

import argparse
import json
import random
import sys
from xml.sax.saxutils import escape

SYLLABLES = ["ba", "ce", "di", "fo", "gu", "ha", "ke", "li", "mo", "nu",
             "pa", "re", "si", "to", "vu", "wa", "xe", "yi", "zo", "ru"]
NOUNS = ["file", "key", "record", "share", "drive", "table", "window", "server",
         "folder", "account", "policy", "device"]
SUBJECTS = ["Computing", "Networking", "Security", "User interface", "Storage",
            "Databases"]
USERS = ["jdoe", "amartin", "kyilmaz", "rahmed"]
# Arabic-script letter pairs standing for the digits of a number (base 10).
ARABIC_SYLLABLES = ["با", "تي", "سو", "دا", "ري", "كو", "لا", "مي", "نو", "ها"]
UYGHUR_SYLLABLES = ["با", "تې", "سو", "دا", "رى", "كو", "لا", "مې", "نۇ", "ھە"]
ARABIC_WORDS = ["ملف", "مفتاح", "سجل", "مشاركة", "محرك", "جدول", "نافذة", "خادم",
                "مجلد", "حساب", "نهج", "جهاز"]
UYGHUR_WORDS = ["ھۆججەت", "ئاچقۇچ", "خاتىرە", "ئورتاقلىشىش", "دىسكا", "جەدۋەل",
                "كۆزنەك", "مۇلازىمېتىر", "قىسقۇچ", "ھېسابات", "سىياسەت", "ئۈسكۈنە"]


def word(i, syllables, least=3):
    """An invented word, different for every i."""
    digits = []
    n = i
    while True:
        digits.append(syllables[n % len(syllables)])
        n //= len(syllables)
        if n == 0 and len(digits) >= least:
            break
    return "".join(reversed(digits))


def english_term(i):
    return f"{word(i, SYLLABLES)} {NOUNS[i % len(NOUNS)]}"


def script_term(i, script):
    words = ARABIC_WORDS if script == "ar" else UYGHUR_WORDS
    syllables = ARABIC_SYLLABLES if script == "ar" else UYGHUR_SYLLABLES
    return f"{words[i % len(words)]} {word(i, syllables)}"


def date(rng):
    return f"20{rng.randint(10, 24):02d}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def transaction(kind, user, when):
    return (f'<transacGrp><transac type="transactionType">{kind}</transac>'
            f'<transacNote type="responsibility">{user}</transacNote>'
            f'<date>{when}</date></transacGrp>')


def entry(i, script, rng):
    lang = "ar-SA" if script == "ar" else "ug-CN"
    en = english_term(i)
    other = script_term(i, script)
    parts = [f'<termEntry id="{i + 1}_1">',
             f'<descrip type="subjectField">{SUBJECTS[i % len(SUBJECTS)]}</descrip>',
             transaction("origination", USERS[i % len(USERS)], date(rng)),
             transaction("modification", USERS[(i + 1) % len(USERS)], date(rng)),
             '<langSet xml:lang="en-US"><descripGrp><descrip type="definition">',
             escape(f"{NOUNS[i % len(NOUNS)]} of kind {word(i, SYLLABLES)} that the product "
                    f"uses in its {SUBJECTS[i % len(SUBJECTS)].lower()} settings"),
             '</descrip></descripGrp>',
             f'<ntig><termGrp><term>{escape(en)}</term>',
             '<termNote type="partOfSpeech">Noun</termNote></termGrp></ntig>']
    if i % 3 == 0:
        parts.append(f'<ntig><termGrp><term>{escape(abbreviation(i))}</term>'
                     '<termNote type="termType">abbreviation</termNote>'
                     '<termNote type="administrativeStatus">admittedTerm-admn-sts'
                     '</termNote></termGrp></ntig>')
    parts.append(f'</langSet><langSet xml:lang="{lang}"><ntig><termGrp>'
                 f'<term>{escape(other)}</term>'
                 '<termNote type="partOfSpeech">Noun</termNote></termGrp></ntig>'
                 '</langSet></termEntry>')
    return "".join(parts)


def abbreviation(i):
    return word(i, SYLLABLES).upper()[:2] + str(i)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--entries", type=int, default=5000)
    ap.add_argument("--out", required=True)
    ap.add_argument("--script", choices=["ar", "ug"], default="ar")
    ap.add_argument("--expected")
    ap.add_argument("--seed", type=int, default=9)
    args = ap.parse_args()
    if args.entries < 1:
        sys.exit("gen-tbx.py: --entries must be at least 1")
    rng = random.Random(args.seed)
    parts = ['<?xml version="1.0" encoding="UTF-8"?>'
             '<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">'
             '<martif type="TBX" xml:lang="en-US"><martifHeader><fileDesc>'
             '<titleStmt><title>Generated terminology export</title></titleStmt>'
             '<sourceDesc><p>Generated by scripts/gen-tbx.py</p></sourceDesc></fileDesc>'
             '<encodingDesc><p type="XCSURI">TBXXCSV02.xcs</p></encodingDesc>'
             '</martifHeader><text><body>']
    for i in range(args.entries):
        parts.append(entry(i, args.script, rng))
    parts.append("</body></text></martif>\n")
    with open(args.out, "w", encoding="utf-8") as f:
        f.write("".join(parts))
    if args.expected:
        picks = sorted({0, args.entries // 3, args.entries // 2, args.entries - 1})
        expected = {
            "entries": args.entries,
            "lookups": [{"id": f"{i + 1}_1", "en": english_term(i),
                         "abbreviations": [abbreviation(i)] if i % 3 == 0 else [],
                         "other": script_term(i, args.script),
                         "subject": SUBJECTS[i % len(SUBJECTS)]} for i in picks],
        }
        with open(args.expected, "w", encoding="utf-8") as f:
            json.dump(expected, f, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
