#!/usr/bin/env python3
"""Clean a seed document into rules/sources/: drop page headers such as `— 17 —`,
markdown heading marks and blank lines, and join lines that a PDF export broke
inside a sentence. A new paragraph starts at an article or section marker, or
after a line that ends a sentence. Quotes are matched with all white space
ignored, so a paragraph break in the wrong place cannot hide a quote."""
import re
import sys

PAGE = re.compile(r"^[—–-]\s*\d+\s*[—–-]$")
MARK = re.compile(r"^(\d+[.．、](?!\d)|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|附件)")
END = "。；：！？）"


def clean(text: str) -> str:
    paras: list[str] = []
    cur = ""
    for raw in text.splitlines():
        line = raw.strip().lstrip("#").strip()
        if not line or PAGE.match(line):
            continue
        if cur and (MARK.match(line) or cur[-1] in END):
            paras.append(cur)
            cur = ""
        cur += line
    if cur:
        paras.append(cur)
    return "\n".join(paras) + "\n"


if __name__ == "__main__":
    src, dst = sys.argv[1], sys.argv[2]
    with open(src, encoding="utf-8") as f:
        out = clean(f.read())
    with open(dst, "w", encoding="utf-8") as f:
        f.write(out)
