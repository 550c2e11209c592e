// The drafter's spans count Unicode scalar values (code points), as Rust's `chars()` and Python's
// `str` do; a JS string is indexed in UTF-16 units, where a character outside the Basic
// Multilingual Plane (𠀀, 𝟘, emoji) takes two. Every span is converted here before it touches
// the string, so a highlight never lands one unit off after such a character.

/** A range of code points, `start` included, `end` excluded (the core's `Span`). */
export interface CodePointSpan {
  start: number;
  end: number;
}

/** For each code point index k of `text` (0..=count), the UTF-16 offset where it starts. */
export function utf16Offsets(text: string): number[] {
  const at = [0];
  let unit = 0;
  // for…of walks code points; a lone surrogate comes out as one unit, as the core reads it
  // (wasm-bindgen passes it as U+FFFD, one scalar value).
  for (const ch of text) {
    unit += ch.length;
    at.push(unit);
  }
  return at;
}

/** A run of the text covered by the same items: UTF-16 `from..to` and the indices of the
 * items covering it (empty for plain text). */
export interface Piece {
  from: number;
  to: number;
  items: number[];
}

/** Cuts `text` at every span boundary into pieces, each listing the spans that cover it, so
 * overlapping spans (a time limit and the target read from the same words) both stay
 * findable. A span outside the text is clamped to it. */
export function pieces(text: string, spans: CodePointSpan[]): Piece[] {
  const at = utf16Offsets(text);
  const last = at.length - 1;
  const unit = (k: number) => at[Math.max(0, Math.min(last, k))];
  const ranges = spans.map((s) => [unit(s.start), unit(Math.max(s.start, s.end))] as const);
  const cuts = [...new Set([0, text.length, ...ranges.flat()])].sort((a, b) => a - b);
  const out: Piece[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [from, to] = [cuts[i], cuts[i + 1]];
    const items: number[] = [];
    ranges.forEach(([s, e], j) => s <= from && to <= e && items.push(j));
    out.push({ from, to, items });
  }
  return out;
}
