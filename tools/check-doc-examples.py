#!/usr/bin/env python3
"""Fails if a public item of the core crate has no example in its doc comment.

`#![deny(missing_docs)]` makes rustc require docs; stable rustdoc cannot require examples
(`missing_doc_code_examples` is nightly-only), so this checks the sources: every `pub fn`,
`pub struct`, `pub enum`, `pub trait`, `pub type`, `pub const` and `pub mod` of core/src
must have a code block (```) in the doc comment above it (for `pub mod x;`, in the module's
own `//!` docs). Items inside `#[cfg(test)]` modules and serde helper modules marked
`// no example:` with a reason are skipped.

Usage: python3 tools/check-doc-examples.py   (prints each item without an example)
"""

import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parents[1] / "core" / "src"
ITEM = re.compile(r"^\s*pub (?:const fn|fn|struct|enum|trait|type|const|mod)\s+(\w+)")


def module_docs(path: pathlib.Path, name: str) -> str:
    for candidate in (path.parent / f"{name}.rs", path.parent / name / "mod.rs"):
        if candidate.exists():
            return "\n".join(l for l in candidate.read_text(encoding="utf-8").splitlines() if l.startswith("//!"))
    return ""


def missing() -> list[str]:
    out = []
    for path in sorted(ROOT.rglob("*.rs")):
        lines = path.read_text(encoding="utf-8").splitlines()
        in_tests = False
        for i, line in enumerate(lines):
            if line.strip().startswith("#[cfg(test)]"):
                in_tests = True
            if in_tests:
                continue
            m = ITEM.match(line)
            if not m:
                continue
            if line.rstrip().endswith(";") and " mod " in f" {line.strip()} ":
                docs = module_docs(path, m.group(1))
            else:
                j = i - 1
                block = []
                while j >= 0 and (lines[j].strip().startswith(("///", "#[", "#![")) or lines[j].strip() == ""):
                    if lines[j].strip().startswith("///"):
                        block.append(lines[j])
                    if lines[j].strip() == "":
                        break
                    j -= 1
                docs = "\n".join(block)
                if j >= 0 and lines[j].strip().startswith("// no example:"):
                    continue
            if "```" not in docs:
                out.append(f"{path.relative_to(ROOT.parent.parent)}:{i + 1}: pub {m.group(1)} has no example")
    return out


if __name__ == "__main__":
    problems = missing()
    print("\n".join(problems) or "every public item has an example")
    sys.exit(1 if problems else 0)
