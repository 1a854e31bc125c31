/**
 * Offsets, lines and positions over a text: the one place that maps string offsets to LSP-shaped positions.
 */
import type { Position, Range } from './model';

/** Line starts of a text, with helpers to convert offsets and positions. CRLF and CR end a line too. */
export class LineIndex {
  /** Offset of the first character of each line. */
  readonly starts: number[];
  /** Offset just past the last content character of each line (before `\r\n`, `\n` or `\r`). */
  readonly ends: number[];

  constructor(readonly text: string) {
    const starts = [0];
    const ends: number[] = [];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 /* \n */) {
        ends.push(i > 0 && text.charCodeAt(i - 1) === 13 ? i - 1 : i);
        starts.push(i + 1);
      } else if (c === 13 /* \r */ && text.charCodeAt(i + 1) !== 10) {
        ends.push(i);
        starts.push(i + 1);
      }
    }
    ends.push(text.length);
    this.starts = starts;
    this.ends = ends;
  }

  /** The number of lines. */
  get lineCount(): number {
    return this.starts.length;
  }

  /** The line holding `offset` (binary search). */
  lineAt(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** The position of an offset; an offset inside a line break maps to the end of that line. */
  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineAt(o);
    return { line, character: Math.min(o, this.ends[line]) - this.starts[line] };
  }

  /** The offset of a position, clamped to the document. */
  offsetAt(pos: Position): number {
    if (pos.line < 0) return 0;
    if (pos.line >= this.starts.length) return this.text.length;
    return Math.min(this.starts[pos.line] + Math.max(0, pos.character), this.ends[pos.line]);
  }

  /** The range between two offsets. */
  range(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }

  /** The text of a line without its line break. */
  lineText(line: number): string {
    return this.text.slice(this.starts[line], this.ends[line]);
  }

  /** The line break used by the text (the first one found), for inserted text. */
  get eol(): string {
    const i = this.text.indexOf('\n');
    if (i > 0 && this.text.charCodeAt(i - 1) === 13) return '\r\n';
    if (i < 0 && this.text.includes('\r')) return '\r';
    return '\n';
  }
}
