/**
 * The parser: story text → StarDocument. Front matter, steps by level-2 headings, Follow-ups probes,
 * a prose mask (what the language rules may read), sentences and disable comments, all with offsets
 * into the original text so every range is exact.
 */
import { parseDocument, isMap, isSeq, isScalar, visit, LineCounter } from 'yaml';
import type { Level, Range, SectionName, StepName } from './model';
import { LEVELS } from './model';
import { LineIndex } from './text';
import { HEADING_WORDS } from './vocabulary';

/** Kinds of text that are not prose, kept in the mask. */
export const enum Mask {
  Prose = 0,
  /** Inside quotation marks: spoken by someone; language rules skip it, spoken time counts it. */
  Quote = 1,
  /** Inline code or a code block: counted as spoken, not read as prose. */
  Code = 2,
  /** HTML comments, front matter, heading lines and Markdown syntax: neither prose nor spoken. */
  Silent = 3,
}

/** A problem found while reading the front matter. */
export interface FrontMatterProblem {
  message: string;
  start: number;
  end: number;
  /** The key concerned, when there is one. */
  key?: string;
}

/** The YAML front matter, read as far as it could be. */
export interface FrontMatter {
  /** Offsets of the whole block, fences included. */
  start: number;
  end: number;
  /** Offsets of the YAML between the fences. */
  contentStart: number;
  contentEnd: number;
  question?: string;
  /** The principles as written (unknown names kept). */
  principles: string[];
  /** Offsets of each principle's text, parallel to `principles`. */
  principleSpans: Array<{ start: number; end: number }>;
  level?: Level;
  walkthrough?: string;
  /** Every key and its plain value (extra keys such as company and tags are kept here). */
  data: Record<string, unknown>;
  problems: FrontMatterProblem[];
}

/** A level-3 probe under Follow-ups, with its answer. */
export interface Probe {
  question: string;
  headingStart: number;
  headingEnd: number;
  answerStart: number;
  answerEnd: number;
}

/** A level-2 section of the story. */
export interface Section {
  /** The step this heading names, `followups`, or null for any other heading. */
  kind: StepName | 'followups' | null;
  /** The heading text as written, without the `##`. */
  title: string;
  headingStart: number;
  headingEnd: number;
  /** Offsets of the body: from the line after the heading to the next heading of level 1 or 2. */
  bodyStart: number;
  bodyEnd: number;
  /** Probes, for Follow-ups. */
  probes: Probe[];
}

/** A word of prose, with its offsets. */
export interface Word {
  text: string;
  lower: string;
  start: number;
  end: number;
}

/** A sentence (or list item, or table cell) of prose. */
export interface Sentence {
  start: number;
  end: number;
  /** The sentence as written. */
  raw: string;
  /** The sentence with every non-prose character (quotes, code, markup) replaced by a space: same length as raw. */
  prose: string;
  /** True when the sentence is a list item. */
  listItem: boolean;
  words: Word[];
}

/** Disable comments found in the file. */
export interface Disables {
  /** Rules turned off from a line on ('*' for all), with the line of the comment. */
  fromLine: Array<{ line: number; rules: string[] | '*' }>;
  /** Rules turned off for one line ('*' for all). */
  lines: Map<number, string[] | '*'>;
}

/** A parsed story. */
export interface StarDocument {
  text: string;
  lines: LineIndex;
  /** Per character: a Mask value. */
  mask: Uint8Array;
  frontMatter?: FrontMatter;
  /** A code fence that is never closed (its marker, e.g. ```), so text appended at the end would be code. */
  unclosedFence?: string;
  /** An HTML comment that is never closed, so text appended at the end would be hidden. */
  unclosedComment?: boolean;
  /** A problem with the front matter fences (opened and never closed). */
  fenceProblem?: FrontMatterProblem;
  title?: string;
  sections: Section[];
  disables: Disables;
  range(start: number, end: number): Range;
  /** The first section of a step, if present. */
  step(kind: StepName | 'followups'): Section | undefined;
  /** The sentences of prose in [start, end) (cached per range). */
  sentences(start: number, end: number): Sentence[];
  /** The sentences a rule reads for a section: for Follow-ups, the answers only. */
  sectionSentences(section: Section): Sentence[];
  /** True when `ruleId` is disabled on `line`. */
  isDisabled(ruleId: string, line: number): boolean;
  /** The section name an offset belongs to, or null. */
  sectionAt(offset: number): SectionName | null;
}

const HEADING_RE = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*$/;
const FENCE_RE = /^ {0,3}(`{3,}|~{3,})/;

/** Parses a story. Never throws; problems are recorded on the document. */
export function parseStory(text: string): StarDocument {
  const lines = new LineIndex(text);
  const mask = new Uint8Array(text.length);
  const doc: StarDocument = {
    text,
    lines,
    mask,
    sections: [],
    disables: { fromLine: [], lines: new Map() },
    range: (s, e) => lines.range(s, e),
    step: (kind) => doc.sections.find((s) => s.kind === kind),
    sentences: (s, e) => sentencesIn(doc, s, e),
    sectionSentences: (section) => sectionSentences(doc, section),
    isDisabled: (ruleId, line) => isDisabled(doc.disables, ruleId, line),
    sectionAt: (offset) => sectionAt(doc, offset),
  };

  const firstBodyLine = readFrontMatter(doc);
  if (doc.frontMatter) mask.fill(Mask.Silent, doc.frontMatter.start, doc.frontMatter.end);

  // Block structure: code fences, HTML comments and headings, line by line.
  let fence: string | null = null;
  const headings: Array<{ level: number; title: string; start: number; end: number; line: number }> = [];
  let inComment = false;
  for (let line = firstBodyLine; line < lines.lineCount; line++) {
    const ls = lines.starts[line];
    const le = lines.ends[line];
    const lineText = text.slice(ls, le);
    if (fence !== null) {
      mask.fill(Mask.Code, ls, le);
      const m = FENCE_RE.exec(lineText);
      if (m && m[1][0] === fence[0] && m[1].length >= fence.length && lineText.trim() === m[1]) fence = null;
      continue;
    }
    if (inComment) {
      const close = lineText.indexOf('-->');
      if (close < 0) {
        mask.fill(Mask.Silent, ls, le);
        continue;
      }
      mask.fill(Mask.Silent, ls, ls + close + 3);
      inComment = false;
      continue;
    }
    const fm = FENCE_RE.exec(lineText);
    if (fm && !(fm[1][0] === '`' && lineText.slice(fm[0].length).includes('`'))) {
      fence = fm[1];
      mask.fill(Mask.Code, ls, le);
      continue;
    }
    const hm = HEADING_RE.exec(lineText);
    if (hm) {
      const title = (hm[2] ?? '').replace(/<!--.*?(?:-->|$)/g, '').replace(/[ \t]+#+$/, '').trim();
      headings.push({ level: hm[1].length, title, start: ls, end: le, line });
      mask.fill(Mask.Silent, ls, le);
      continue;
    }
    // A comment that opens on this line and does not close on it.
    const open = lastUnclosedComment(lineText);
    if (open >= 0) inComment = true;
  }

  if (fence !== null) doc.unclosedFence = fence;
  if (inComment) doc.unclosedComment = true;
  maskInline(doc, firstBodyLine);
  readDisables(doc);
  buildSections(doc, headings);
  return doc;
}

/** Index of an `<!--` on the line that has no `-->` after it, or -1. */
function lastUnclosedComment(line: string): number {
  const open = line.lastIndexOf('<!--');
  if (open < 0) return -1;
  return line.indexOf('-->', open + 4) < 0 ? open : -1;
}

/** Reads the front matter, if the file starts with `---`; returns the first line after it. */
function readFrontMatter(doc: StarDocument): number {
  const { text, lines } = doc;
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (lines.lineText(0).slice(bom).trimEnd() !== '---') return 0;
  let close = -1;
  for (let line = 1; line < lines.lineCount; line++) {
    const t = lines.lineText(line).trimEnd();
    if (t === '---' || t === '...') {
      close = line;
      break;
    }
  }
  if (close < 0) {
    doc.fenceProblem = {
      message: 'The front matter opened on line 1 is never closed: add a line with `---` after its last key.',
      start: bom,
      end: lines.ends[0],
    };
    return 0;
  }
  const contentStart = lines.starts[1];
  const contentEnd = close > 1 ? lines.ends[close - 1] : contentStart;
  const fm: FrontMatter = {
    start: 0,
    end: lines.ends[close],
    contentStart,
    contentEnd,
    principles: [],
    principleSpans: [],
    data: {},
    problems: [],
  };
  doc.frontMatter = fm;
  readYaml(text.slice(contentStart, contentEnd), contentStart, fm);
  return close + 1;
}

const KNOWN_KEYS = new Set(['question', 'principles', 'principle', 'level', 'walkthrough']);

/** Reads the YAML of the front matter into `fm`, recording problems with their offsets. */
function readYaml(yamlText: string, base: number, fm: FrontMatter): void {
  const at = (range: readonly number[] | null | undefined): { start: number; end: number } => {
    if (!range) return { start: base, end: base + yamlText.length };
    return { start: base + range[0], end: base + Math.max(range[1], range[0]) };
  };
  let ydoc;
  try {
    // Duplicate keys are found below with a Set per map: yaml's own uniqueKeys compares every pair (quadratic).
    ydoc = parseDocument(yamlText, { lineCounter: new LineCounter(), prettyErrors: false, uniqueKeys: false });
  } catch (e) {
    fm.problems.push({ message: `The front matter is not valid YAML: ${String(e)}`, ...at(null) });
    return;
  }
  const errors: Array<{ message: string; pos: readonly number[] }> = [...ydoc.errors];
  visit(ydoc, {
    Map(_, map) {
      const seen = new Set<unknown>();
      for (const p of map.items) {
        const k = isScalar(p.key) ? p.key.value : p.key;
        if (seen.has(k) && p.key && (p.key as { range?: number[] }).range) {
          const at0 = (p.key as { range: number[] }).range[0];
          errors.push({ message: 'Map keys must be unique', pos: [at0, at0 + 1] });
        }
        seen.add(k);
      }
    },
  });
  errors.sort((a, b) => a.pos[0] - b.pos[0]);
  if (errors.length > 0) {
    for (const err of errors.slice(0, 5)) {
      const firstLine = err.message.split('\n')[0];
      fm.problems.push({ message: `The front matter is not valid YAML: ${firstLine}`, ...at(err.pos) });
    }
    return;
  }
  const contents = ydoc.contents;
  if (contents === null || (isScalar(contents) && (contents.value === null || contents.value === ''))) return;
  if (!isMap(contents)) {
    fm.problems.push({ message: 'The front matter must be a set of `key: value` lines.', ...at(contents.range) });
    return;
  }
  // The whole document at once (alias resolution is linear); when it cannot be read as a whole (an alias
  // bomb), only the keys the rules use are read one by one, so the rest of the story still lints.
  let whole: Record<string, unknown> | undefined;
  try {
    const js = ydoc.toJS({ maxAliasCount: 1000 }) as unknown;
    if (js && typeof js === 'object') whole = js as Record<string, unknown>;
  } catch {
    whole = undefined;
  }
  for (const pair of contents.items) {
    const keyNode = pair.key;
    const key = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
    const valueNode = pair.value;
    const span = at(isScalar(keyNode) || isMap(keyNode) || isSeq(keyNode) ? keyNode.range : null);
    const valueSpan = valueNode && (isScalar(valueNode) || isMap(valueNode) || isSeq(valueNode)) ? at(valueNode.range) : span;
    let plain: unknown;
    if (whole) plain = whole[key];
    else if (KNOWN_KEYS.has(key)) {
      try {
        plain = valueNode && typeof (valueNode as { toJS?: unknown }).toJS === 'function'
          ? (valueNode as { toJS(doc: unknown, opts: unknown): unknown }).toJS(ydoc, { maxAliasCount: 50 })
          : valueNode;
      } catch (e) {
        fm.problems.push({ message: `\`${key}\` cannot be read: ${String(e instanceof Error ? e.message : e)}`, key, ...valueSpan });
        continue;
      }
    } else {
      if (!fm.problems.some((p) => p.key === '*')) {
        fm.problems.push({ message: 'The front matter cannot be read as a whole: its aliases expand too far. Remove the anchors (&name) and aliases (*name).', key: '*', ...valueSpan });
      }
      continue;
    }
    fm.data[key] = plain;
    switch (key) {
      case 'question':
        if (typeof plain === 'string' && plain.trim()) fm.question = plain.trim();
        else fm.problems.push({ message: '`question` should be the interview question, as text.', key, ...valueSpan });
        break;
      case 'principles':
      case 'principle': {
        // `principles` is a list and `principle` one name (SPEC); a value of the other shape cannot be read, so it
        // counts as absent: the story then names no principle.
        const rightShape = key === 'principles' ? isSeq(valueNode) : isScalar(valueNode) && typeof valueNode.value === 'string';
        const items = !rightShape ? [] : isSeq(valueNode) ? valueNode.items : valueNode ? [valueNode] : [];
        let bad = !rightShape;
        for (const item of items) {
          if (isScalar(item) && typeof item.value === 'string' && item.value.trim()) {
            fm.principles.push(item.value.trim());
            const r = at(item.range);
            // Narrow the span to the name itself (without quotes).
            const raw = yamlText.slice(r.start - base, r.end - base);
            const inner = raw.indexOf(item.value.trim());
            fm.principleSpans.push(inner >= 0 ? { start: r.start + inner, end: r.start + inner + item.value.trim().length } : r);
          } else bad = true;
        }
        if (bad) {
          fm.problems.push({
            message: key === 'principle'
              ? '`principle` takes one principle name; for several, use `principles: [Ownership, Dive Deep]`.'
              : '`principles` should be a list, e.g. `principles: [Ownership]`, or use `principle: Ownership` for one name.',
            key,
            ...valueSpan,
          });
        }
        break;
      }
      case 'level': {
        const v = typeof plain === 'string' ? plain.trim().toLowerCase() : '';
        if ((LEVELS as readonly string[]).includes(v)) fm.level = v as Level;
        else fm.problems.push({ message: `\`level\` is ${JSON.stringify(plain)}; use one of ${LEVELS.join(', ')}.`, key, ...valueSpan });
        break;
      }
      case 'walkthrough':
        if (typeof plain === 'string' && plain.trim()) fm.walkthrough = plain.trim();
        else fm.problems.push({ message: '`walkthrough` should be a walkthrough id, as text.', key, ...valueSpan });
        break;
      default:
        break;
    }
  }
}

/**
 * Marks inline non-prose in the body: HTML comments, inline code, quotations and Markdown syntax.
 * Block-level masks (fences, headings, front matter) are already set.
 */
function maskInline(doc: StarDocument, firstLine: number): void {
  const { text, mask, lines } = doc;
  const from = lines.starts[Math.min(firstLine, lines.lineCount - 1)] ?? 0;
  // HTML comments (single and multi-line) anywhere outside code.
  let i = text.indexOf('<!--', from);
  while (i >= 0) {
    if (mask[i] === Mask.Code) {
      i = text.indexOf('<!--', i + 4);
      continue;
    }
    const close = text.indexOf('-->', i + 4);
    const end = close < 0 ? text.length : close + 3;
    for (let k = i; k < end; k++) if (mask[k] !== Mask.Code) mask[k] = Mask.Silent;
    i = close < 0 ? -1 : text.indexOf('<!--', end);
  }
  // Paragraph by paragraph: inline code, then quotes (a quote never crosses a blank line).
  let paraStart = -1;
  for (let line = firstLine; line <= lines.lineCount; line++) {
    const blank = line === lines.lineCount || lines.lineText(line).trim() === '' || mask[lines.starts[line]] === Mask.Silent && isHeadingLine(doc, line);
    if (!blank && paraStart < 0) paraStart = lines.starts[line];
    if (blank && paraStart >= 0) {
      const paraEnd = lines.ends[line - 1];
      maskParagraph(text, mask, paraStart, paraEnd);
      paraStart = -1;
    }
  }
}

function isHeadingLine(doc: StarDocument, line: number): boolean {
  return HEADING_RE.test(doc.lines.lineText(line));
}

const OPEN_QUOTES: Record<string, string> = { '"': '"', '“': '”', '„': '“', '«': '»', '‘': '’', "'": "'", '「': '」', '『': '』' };

/** Masks inline code spans and quotations within one paragraph. */
function maskParagraph(text: string, mask: Uint8Array, start: number, end: number): void {
  // Inline code: a run of backticks closed by a run of the same length.
  const ticksAt = (from: number): number => {
    const k = text.slice(from, end).indexOf('`');
    return k < 0 ? -1 : from + k;
  };
  for (let i = ticksAt(start); i >= 0 && i < end; i = ticksAt(i + 1)) {
    if (mask[i] !== Mask.Prose) continue;
    let n = 1;
    while (text[i + n] === '`') n++;
    const ticks = '`'.repeat(n);
    // Search for the closing run within the paragraph only.
    const inPara = text.slice(i + n, end);
    let rel = inPara.indexOf(ticks);
    while (rel >= 0 && inPara[rel + n] === '`') rel = inPara.indexOf(ticks, rel + n + 1);
    const j = rel < 0 ? -1 : i + n + rel;
    if (j < 0) {
      i += n - 1;
      continue;
    }
    mask.fill(Mask.Code, i, j + n);
    i = j + n - 1;
  }
  // Quotations.
  // Candidates are searched in the paragraph only, so the search never runs past it.
  const para = text.slice(start, end);
  QUOTE_OPEN_RE.lastIndex = 0;
  // Openers whose closer is nowhere after a point: a later opener of the same kind need not search again.
  const noCloser = new Set<string>();
  let q: RegExpExecArray | null;
  while ((q = QUOTE_OPEN_RE.exec(para))) {
    const i = start + q.index;
    const c = text[i];
    if (mask[i] !== Mask.Prose) continue;
    const prev = i > start ? text[i - 1] : ' ';
    const next = text[i + 1] ?? ' ';
    // An apostrophe or a closing mark is not an opening quote.
    if ((c === "'" || c === '‘') && /[\p{L}\p{N}]/u.test(prev)) continue;
    if (c === "'" && !/[\s([{—–-]/u.test(prev)) continue;
    if (isSpace(next.charCodeAt(0))) continue;
    const closeChar = OPEN_QUOTES[c];
    if (noCloser.has(c)) continue;
    let j = -1;
    for (let k = i + 1; k < end; k++) {
      const ck = text[k];
      if (ck !== closeChar && !(c === '"' && ck === '”') && !(c === '“' && ck === '"')) continue;
      if (mask[k] !== Mask.Prose) continue;
      // For single quotes, a closing quote is not followed by a letter (that is an apostrophe).
      if ((closeChar === "'" || closeChar === '’') && /[\p{L}]/u.test(text[k + 1] ?? '')) continue;
      if (isSpace(text.charCodeAt(k - 1))) continue;
      j = k;
      break;
    }
    if (j < 0) {
      noCloser.add(c);
      continue;
    }
    mask.fill(Mask.Quote, i, j + 1);
    QUOTE_OPEN_RE.lastIndex = j + 1 - start;
  }
  // Markdown emphasis characters read as nothing.
  EMPHASIS_RE.lastIndex = 0;
  let e: RegExpExecArray | null;
  while ((e = EMPHASIS_RE.exec(para))) {
    const i = start + e.index;
    if (mask[i] === Mask.Prose && (text[i] === '*' || !/\w/.test(text[i - 1] ?? ' '))) mask[i] = Mask.Silent;
  }
}

const QUOTE_OPEN_RE = /["“„«‘'「『]/g;
const EMPHASIS_RE = /[*_]/g;

const DISABLE_RE = /<!--\s*star-lint-(disable-next-line|disable|enable)\b([^>]*?)-->/g;

/** Reads `star-lint-disable` comments. */
function readDisables(doc: StarDocument): void {
  const { text, lines, mask } = doc;
  DISABLE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = DISABLE_RE.exec(text))) {
    if (mask[m.index] === Mask.Code) continue;
    const ids = m[2].split(/[\s,]+/).filter(Boolean);
    const rulesList: string[] | '*' = ids.length ? ids : '*';
    const endLine = lines.lineAt(m.index + m[0].length);
    if (m[1] === 'disable-next-line') {
      const prev = doc.disables.lines.get(endLine + 1);
      doc.disables.lines.set(endLine + 1, prev === '*' || rulesList === '*' ? '*' : [...(prev ?? []), ...rulesList]);
    } else if (m[1] === 'disable') {
      doc.disables.fromLine.push({ line: lines.lineAt(m.index), rules: rulesList });
    }
  }
}

function isDisabled(d: Disables, ruleId: string, line: number): boolean {
  const l = d.lines.get(line);
  if (l && (l === '*' || l.includes(ruleId))) return true;
  return d.fromLine.some((f) => f.line <= line && (f.rules === '*' || f.rules.includes(ruleId)));
}

/** Maps a heading's text to the step it names, or null. */
export function headingKind(title: string): StepName | 'followups' | null {
  let t = title
    .replace(/[*_`]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[’]/g, "'");
  // A leading step letter or number: "S — Situation", "A: Action", "1. Situation", "(R) Result".
  t = t.replace(/^(?:\(?[star]\)?|\d+)\s*[.:)\-—–|/]?\s+(?=[a-z])/u, '');
  // Trailing punctuation.
  t = t.replace(/[\s.:!?;,\-—–]+$/u, '');
  for (const [kind, words] of Object.entries(HEADING_WORDS) as Array<[StepName | 'followups', readonly string[]]>) {
    for (const w of words) {
      if (t === w) return kind;
      // A subtitle after a separator: "Situation: the pager storm", "Result — what changed".
      if (t.startsWith(w) && /^\s*[:—–\-|(]/.test(t.slice(w.length))) return kind;
    }
  }
  return null;
}

/** Groups headings into sections; level-3 headings under Follow-ups become probes. */
function buildSections(doc: StarDocument, headings: Array<{ level: number; title: string; start: number; end: number; line: number }>): void {
  const { text, lines } = doc;
  const bodyStartOf = (h: { line: number }): number => (h.line + 1 < lines.lineCount ? lines.starts[h.line + 1] : text.length);
  for (let i = 0; i < headings.length; i++) {
    const h = headings[i];
    if (h.level === 1 && doc.title === undefined && doc.sections.length === 0) doc.title = h.title;
    if (h.level !== 2) continue;
    let j = i + 1;
    while (j < headings.length && headings[j].level > 2) j++;
    const bodyEnd = j < headings.length ? headings[j].start : text.length;
    const section: Section = {
      kind: headingKind(h.title),
      title: h.title,
      headingStart: h.start,
      headingEnd: h.end,
      bodyStart: Math.min(bodyStartOf(h), bodyEnd),
      bodyEnd,
      probes: [],
    };
    if (section.kind === 'followups') {
      for (let k = i + 1; k < j; k++) {
        if (headings[k].level !== 3) continue;
        let n = k + 1;
        while (n < j && headings[n].level > 3) n++;
        const answerEnd = n < j ? headings[n].start : bodyEnd;
        section.probes.push({
          question: headings[k].title,
          headingStart: headings[k].start,
          headingEnd: headings[k].end,
          answerStart: Math.min(bodyStartOf(headings[k]), answerEnd),
          answerEnd,
        });
      }
    }
    doc.sections.push(section);
  }
}

function sectionAt(doc: StarDocument, offset: number): SectionName | null {
  const fm = doc.frontMatter;
  if (fm && offset < fm.end) return 'frontmatter';
  for (const s of doc.sections) if (offset >= s.headingStart && offset <= s.bodyEnd) return s.kind;
  return null;
}

function sectionSentences(doc: StarDocument, section: Section): Sentence[] {
  if (section.kind !== 'followups') return doc.sentences(section.bodyStart, section.bodyEnd);
  return section.probes.flatMap((p) => doc.sentences(p.answerStart, p.answerEnd));
}

// ---------------------------------------------------------------------------------------------
// Sentences

const ABBREVIATIONS = new Set([
  'e.g', 'i.e', 'etc', 'vs', 'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'approx', 'est', 'no', 'fig', 'cf', 'al',
  'inc', 'ltd', 'co', 'corp', 'dept', 'min', 'max', 'avg', 'ca', 'a.m', 'p.m', 'u.s', 'u.k', 'jan', 'feb', 'mar', 'apr',
  'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun', 'resp', 'incl',
]);

const LIST_ITEM_RE = /^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+/;
const WORD_RE = /[\p{L}\p{N}](?:[\p{L}\p{N}\p{M}]|['’.,\-](?=[\p{L}\p{N}]))*%?/gu;

const sentenceCache = new WeakMap<StarDocument, Map<string, Sentence[]>>();

/** Splits the text in [start, end) into sentences of prose. */
function sentencesIn(doc: StarDocument, start: number, end: number): Sentence[] {
  let cache = sentenceCache.get(doc);
  if (!cache) sentenceCache.set(doc, (cache = new Map()));
  const key = `${start}:${end}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const out: Sentence[] = [];
  const { text, lines, mask } = doc;
  if (end <= start) {
    cache.set(key, out);
    return out;
  }
  // Blocks: paragraphs, list items and table rows, by line.
  const firstLine = lines.lineAt(start);
  const lastLine = lines.lineAt(Math.max(start, end - 1));
  let blockStart = -1;
  let blockIsList = false;
  const flush = (blockEnd: number): void => {
    if (blockStart >= 0 && blockEnd > blockStart) splitBlock(doc, blockStart, blockEnd, blockIsList, out);
    blockStart = -1;
    blockIsList = false;
  };
  for (let line = firstLine; line <= lastLine; line++) {
    const ls = Math.max(lines.starts[line], start);
    const le = Math.min(lines.ends[line], end);
    const lineText = text.slice(ls, le);
    let silent = true;
    for (let k = ls; k < le; k++) {
      if (mask[k] !== Mask.Silent && !/\s/.test(text[k])) {
        silent = false;
        break;
      }
    }
    if (lineText.trim() === '' || silent) {
      flush(line > firstLine ? Math.min(lines.ends[line - 1], end) : ls);
      continue;
    }
    const isTable = /^\s*\|/.test(lineText);
    const li = LIST_ITEM_RE.exec(lineText);
    if (li || isTable) flush(line > firstLine ? Math.min(lines.ends[line - 1], end) : ls);
    if (isTable) {
      if (/^\s*\|?[\s:|-]+\|?\s*$/.test(lineText)) continue; // the |---| line
      let cellStart = ls;
      for (let k = ls; k <= le; k++) {
        if (k === le || text[k] === '|') {
          if (k > cellStart) splitBlock(doc, cellStart, k, false, out);
          cellStart = k + 1;
        }
      }
      continue;
    }
    if (blockStart < 0) {
      blockStart = ls + (li ? li[0].length : 0);
      const bq = /^\s*(?:>\s?)+/.exec(text.slice(blockStart, le));
      if (bq) blockStart += bq[0].length;
      blockIsList = !!li;
    }
  }
  flush(Math.min(lines.ends[lastLine], end));
  cache.set(key, out);
  return out;
}

/** Splits one block of prose into sentences at `.`, `!` and `?` followed by a new sentence. */
function splitBlock(doc: StarDocument, start: number, end: number, listItem: boolean, out: Sentence[]): void {
  const { text, mask } = doc;
  let s = start;
  const block = text.slice(start, end);
  TERMINATOR_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TERMINATOR_RE.exec(block))) {
    const i = start + m.index;
    const c = text[i];
    if (mask[i] === Mask.Code || mask[i] === Mask.Silent) continue;
    // Inside a quotation, only the end of the quotation can end a sentence.
    let k = i + 1;
    while (k < end && CLOSERS.has(text.charCodeAt(k))) k++;
    if (mask[i] === Mask.Quote && mask[k - 1] === Mask.Quote && k < end && mask[k] === Mask.Quote) continue;
    if (k < end && !isSpace(text.charCodeAt(k))) continue;
    if (c === ';') {
      // A semicolon ends a clause that reads as its own sentence.
      pushSentence(doc, s, i + 1, listItem, out);
      s = i + 1;
      continue;
    }
    if (c === '.') {
      const before = /([\p{L}.]+)$/u.exec(text.slice(Math.max(s, i - 12), i));
      const word = before ? before[1].toLowerCase() : '';
      if (word && (ABBREVIATIONS.has(word) || ABBREVIATIONS.has(word.replace(/\.$/, '')) || /^(?:\p{L}\.)+\p{L}$/u.test(word) || /^\p{Lu}$/u.test(before![1]))) continue;
    }
    // The next sentence starts with something that can start a sentence.
    let n = k;
    while (n < end && isSpace(text.charCodeAt(n))) n++;
    // A lower-case word after a full stop still starts a sentence (casual writers); abbreviations were handled above.
    pushSentence(doc, s, k, listItem, out);
    s = k;
    TERMINATOR_RE.lastIndex = Math.max(TERMINATOR_RE.lastIndex, k - start);
  }
  pushSentence(doc, s, end, listItem, out);
}

const TERMINATOR_RE = /[.!?…;]/g;
const CLOSERS = new Set([...'.!?…"\'”’)]*_'].map((ch) => ch.charCodeAt(0)));

/** True for ASCII and common Unicode white space. */
function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x2028 || code === 0x2029 || (code >= 0x2000 && code <= 0x200a) || code === 0x3000 || code === 0x202f || code === 0x205f || code === 0x1680;
}

function pushSentence(doc: StarDocument, start: number, end: number, listItem: boolean, out: Sentence[]): void {
  const { text, mask } = doc;
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  if (end <= start) return;
  const raw = text.slice(start, end);
  // Prose: the raw text with every non-prose run blanked (line breaks kept), built run by run.
  const parts: string[] = [];
  let runStart = start;
  let proseChars = false;
  for (let i = start; i <= end; i++) {
    const isProse = i < end && mask[i] === Mask.Prose;
    if (i < end && isProse === (mask[runStart] === Mask.Prose)) continue;
    const run = text.slice(runStart, i);
    if (mask[runStart] === Mask.Prose) {
      parts.push(run);
      if (!proseChars && /[\p{L}\p{N}]/u.test(run)) proseChars = true;
    } else parts.push(blank(run));
    runStart = i;
  }
  const prose = tameSpaces(parts.join(''));
  const hasProse = proseChars;
  if (!hasProse) return;
  // Words are computed on first use: most rules read the prose, few need the word list.
  let words: Word[] | undefined;
  out.push({
    start,
    end,
    raw,
    prose,
    listItem,
    get words(): Word[] {
      return (words ??= wordsOf(prose, start));
    },
  });
}

/**
 * Blanks a non-prose run for the prose view: spaces, line breaks kept; a long run keeps a space at each end
 * and inert zero-width fillers between, so no regex sees a long stretch of white space (that made some
 * patterns quadratic).
 */
function blank(run: string): string {
  if (run.length < 4 || /[\r\n]/.test(run)) return run.replace(/[^\r\n]/g, ' ');
  return ' ' + '\u200b'.repeat(run.length - 2) + ' ';
}

/** Long runs of white space in prose get the same treatment as blanked runs. */
function tameSpaces(prose: string): string {
  return prose.replace(/[^\S\r\n]{16,}/g, (m) => ' ' + '\u200b'.repeat(m.length - 2) + ' ');
}

/** The words of a sentence's prose, with document offsets. */
function wordsOf(prose: string, start: number): Word[] {
  const words: Word[] = [];
  WORD_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = WORD_RE.exec(prose))) {
    // A trailing comma or period belongs to punctuation, not the word.
    const w = m[0].replace(/[.,]+$/, '');
    words.push({ text: w, lower: w.toLowerCase().replace(/’/g, "'"), start: start + m.index, end: start + m.index + w.length });
  }
  return words;

}

/** Counts the words a person would say in [start, end): quotes and code included; headings, comments, markup not. */
export function spokenWords(doc: StarDocument, start: number, end: number): number {
  const { text, mask } = doc;
  let count = 0;
  let inWord = false;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    const m = mask[i];
    const wordChar = m !== Mask.Silent && isWordChar(code);
    if (wordChar && !inWord) count++;
    // CJK scripts have no spaces: count each ideograph as half a word (about two per spoken word).
    if (wordChar && code >= 0x3040 && code <= 0x9fff) count += 0.5;
    inWord = wordChar || (inWord && (code === 39 || code === 0x2019 || code === 45) && isWordChar(text.charCodeAt(i + 1)));
  }
  return Math.round(count);
}

function isWordChar(code: number): boolean {
  if (code >= 48 && code <= 57) return true; // 0-9
  if (code >= 65 && code <= 90) return true;
  if (code >= 97 && code <= 122) return true;
  if (code < 0xc0) return false;
  if (code >= 0x2000 && code <= 0x2bff) return false; // punctuation, symbols, arrows
  if (code >= 0xd800 && code <= 0xdfff) return false; // surrogates (emoji)
  if (code >= 0xfe00 && code <= 0xfe0f) return false;
  return true;
}

/** True when a section has content: anything but blank lines, comments and headings. */
export function hasContent(doc: StarDocument, s: Section): boolean {
  for (let i = s.bodyStart; i < s.bodyEnd; i++) {
    if (doc.mask[i] !== Mask.Silent && !/\s/.test(doc.text[i])) return true;
  }
  return false;
}
