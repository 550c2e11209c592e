"""Slice the seed of D001 (高新区(新市区) 14th five-year plan) into its clause tree.

The seed is `core/data/sources/001_a25632e895ee11f6.txt`. Every text returned is a
contiguous substring of the seed (stripped of surrounding blank lines and no-break spaces),
so the verbatim test of `core/tests/builtin.rs` holds by construction.

Used by `xinshi_2021_fyp.py`; run on its own to print the tree:

    python3 tools/catalogue/slice_xinshi.py
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "core" / "data" / "sources" / "001_a25632e895ee11f6.txt"

NUMERALS = "一二三四五六七八九十"


def cn_number(n: int) -> str:
    """1 → 一, 10 → 十, 13 → 十三."""
    if n <= 10:
        return NUMERALS[n - 1]
    if n < 20:
        return "十" + NUMERALS[n - 11]
    raise ValueError(n)


def from_cn(s: str) -> int:
    for n in range(1, 20):
        if cn_number(n) == s:
            return n
    raise ValueError(s)


@dataclass
class Node:
    local: str  # local id, e.g. "ch3/s5/p1"
    label: str | None
    title: str | None
    text: str | None = None
    children: list["Node"] = field(default_factory=list)
    # char offsets of the content in the seed (for checks)
    start: int = 0
    end: int = 0


CHAPTER = re.compile(r"^第([一二三四五六七八九十]+)章\s*(\S.*?)\s*$")
SECTION = re.compile(r"^第([一二三四五六七八九十]+)节\s*(\S.*?)\s*$")
SUBPART = re.compile(r"^\(([一二三四五六七八九十]+)\)(.*)$")
APPENDIX_ENTRY = re.compile(r"^(\d+)\.\s*(.*?)\s*$")
PREFACE_START = "“十四五”时期是我国全面建成小康社会"
UNNUMBERED_SUBPART = "实施打造“双创”升级版工程"
APPENDIX = "附录:缩略词说明"

# Inline sub-part headings of 第八章第一节: the title is the opening phrase of the paragraph.
INLINE_TITLES = {1: "优化空间布局", 2: "产业园区", 3: "新城区", 4: "美丽乡村", 5: "新区名片"}

# Appendix entries: the term runs into its definition without a separator.
APPENDIX_TERMS = {
    1: "八项预警机制", 2: "四早", 3: "三大攻坚战", 4: "九项惠民工程",
    5: "乌鲁木齐两港一中心、五大中心", 6: "五个加强", 7: "两化", 8: "三大基地",
    9: "两平台六体系", 10: "四统一", 11: "三高", 12: "残疾人两项补贴", 13: "四个不摘",
    14: "枫桥经验", 15: "飞地经济",
}


def read_seed() -> str:
    return SEED.read_text(encoding="utf-8")


def slice_seed(src: str | None = None) -> list[Node]:
    """Returns the top-level clauses: preface, ch1..ch13, appendix."""
    src = src if src is not None else read_seed()
    body = src.index(PREFACE_START)  # the body starts after the table of contents
    # Lines with offsets.
    lines: list[tuple[int, str]] = []
    pos = 0
    for line in src.split("\n"):
        lines.append((pos, line))
        pos += len(line) + 1

    # Each marker: (offset of heading line, offset where its content starts, node, depth)
    markers: list[tuple[int, int, Node, int]] = []
    chapter = section = 0
    in_appendix = False
    for off, raw in lines:
        if off < body:
            continue
        line = raw.strip()
        end_of_line = off + len(raw)
        if in_appendix:
            m = APPENDIX_ENTRY.match(line)
            if m:
                n = int(m.group(1))
                lead = raw.index(m.group(1) + ".") + len(m.group(1)) + 1
                node = Node(f"appendix/{n}", f"{n}.", APPENDIX_TERMS[n])
                markers.append((off, off + lead, node, 1))
            elif line.startswith("件:"):
                markers.append((off, off, Node("end", None, None), 0))
                break
            continue
        if line == APPENDIX:
            in_appendix = True
            markers.append((off, end_of_line, Node("appendix", None, APPENDIX), 0))
            continue
        m = CHAPTER.match(line)
        if m:
            chapter, section = from_cn(m.group(1)), 0
            markers.append((off, end_of_line, Node(f"ch{chapter}", f"第{m.group(1)}章", m.group(2)), 0))
            continue
        m = SECTION.match(line)
        if m:
            section = from_cn(m.group(1))
            node = Node(f"ch{chapter}/s{section}", f"第{m.group(1)}节", m.group(2))
            markers.append((off, end_of_line, node, 1))
            continue
        m = SUBPART.match(line)
        if m:
            p = from_cn(m.group(1))
            label = f"({m.group(1)})"
            rest = m.group(2).strip()
            local = f"ch{chapter}/s{section}/p{p}"
            if (chapter, section) == (8, 1):
                # Inline heading: the content starts right after the label.
                start = off + raw.index(label) + len(label)
                markers.append((off, start, Node(local, label, INLINE_TITLES[p]), 2))
            else:
                markers.append((off, end_of_line, Node(local, label, rest), 2))
            continue
        if line == UNNUMBERED_SUBPART:
            local = f"ch{chapter}/s{section}/p7"
            markers.append((off, end_of_line, Node(local, None, UNNUMBERED_SUBPART), 2))
            continue

    # Preface: from the body start to the first chapter heading.
    preface = Node("preface", None, None)
    preface.start, preface.end = body, markers[0][0]
    preface.text = src[body : markers[0][0]].strip()

    roots: list[Node] = [preface]
    stack: list[Node] = []
    for i, (off, start, node, depth) in enumerate(markers):
        if node.local == "end":
            break
        nxt = markers[i + 1][0]
        text = src[start:nxt].strip()
        node.start, node.end = start, nxt
        node.text = text or None
        if depth == 0:
            roots.append(node)
            stack = [node]
        else:
            stack = stack[:depth]
            stack[-1].children.append(node)
            stack.append(node)
    return roots


def walk(nodes: list[Node]):
    for n in nodes:
        yield n
        yield from walk(n.children)


if __name__ == "__main__":
    src = read_seed()
    roots = slice_seed(src)
    for n in walk(roots):
        depth = n.local.count("/")
        text = (n.text or "")
        print("  " * depth + f"{n.local} {n.label or ''} {n.title or ''} [{len(text)}] {text[:30]!r}…{text[-15:]!r}")
        assert n.text is None or n.text in src
