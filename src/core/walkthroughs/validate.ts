/**
 * Reads one walkthrough file: YAML with line numbers, checked strictly against the schema in
 * docs/walkthroughs.md. Never throws; every problem names the file, the line and the key path.
 */
import { LineCounter, isAlias, isMap, isScalar, isSeq, parseDocument } from 'yaml';
import type { Document, Node as YamlNode } from 'yaml';
import { LEVELS, STEPS } from '../model';
import type { Level, StepName } from '../model';
import { PRINCIPLES, canonicalPrinciple } from '../vocabulary';
import { SIGNAL_CHECKS } from './types';
import type {
  SignalCheck, Walkthrough, WalkthroughFollowUp, WalkthroughLens, WalkthroughLevel, WalkthroughProblem,
  WalkthroughQuizItem, WalkthroughSignal, WalkthroughSource, WalkthroughStep,
} from './types';

/** Largest walkthrough file read, in characters; a bigger file is reported, not parsed. */
export const MAX_WALKTHROUGH_CHARS = 256 * 1024;
/** Most alias (`*name`) uses a file may make: anchors that expand exponentially are refused. */
export const MAX_WALKTHROUGH_ALIASES = 100;

/** The result of reading one file: the walkthrough when it has no problem, and the problems. */
export interface ValidationResult {
  walkthrough?: Walkthrough;
  problems: WalkthroughProblem[];
}

/** Formats a problem the way every host shows it: `<file>:<line>: <key>: <problem>`. */
export function formatProblem(file: string, line: number, key: string, problem: string): WalkthroughProblem {
  return { file, line, key, message: `${file}:${line}: ${key}: ${problem}` };
}

/** The file name without folders and without `.yaml` (the id it must carry). */
export function idFromFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  return base.replace(/\.ya?ml$/i, '');
}

interface Ctx {
  file: string;
  doc: Document;
  lc: LineCounter;
  problems: WalkthroughProblem[];
  /** Line of every key path read, for checks that run after reading. */
  lines: Map<string, number>;
  aliases: number;
  aliasLimitHit: boolean;
}

type Reader<T> = (ctx: Ctx, node: unknown, path: string, line: number) => T | undefined;

const lineAt = (ctx: Ctx, offset: number): number => ctx.lc.linePos(Math.max(0, offset)).line;

function nodeLine(ctx: Ctx, node: unknown, fallback: number): number {
  const range = (node as { range?: readonly number[] | null } | null)?.range;
  return range ? lineAt(ctx, range[0]) : fallback;
}

function problem(ctx: Ctx, line: number, key: string, text: string): void {
  ctx.problems.push(formatProblem(ctx.file, line, key, text));
}

/** Follows an alias to its anchored node, counting uses so that anchor bombs stop early. */
function resolve(ctx: Ctx, node: unknown, path: string, line: number): unknown {
  if (!isAlias(node)) return node;
  ctx.aliases++;
  if (ctx.aliases > MAX_WALKTHROUGH_ALIASES) {
    if (!ctx.aliasLimitHit) {
      problem(ctx, line, path, `more than ${MAX_WALKTHROUGH_ALIASES} aliases (*name); write the text out instead`);
      ctx.aliasLimitHit = true;
    }
    return undefined;
  }
  return node.resolve(ctx.doc);
}

function describe(node: unknown): string {
  if (node === null || node === undefined) return 'nothing';
  if (isMap(node)) return 'a map of keys';
  if (isSeq(node)) return 'a list';
  if (isScalar(node)) {
    const v = node.value;
    if (v === null || v === undefined) return 'nothing';
    if (typeof v === 'string') return v.trim() ? 'text' : 'empty text';
    if (typeof v === 'number') return `the number ${v}`;
    if (typeof v === 'boolean') return `${v}`;
  }
  return 'something else';
}

const text: Reader<string> = (ctx, raw, path, line) => {
  const node = resolve(ctx, raw, path, line);
  if (ctx.aliasLimitHit) return undefined;
  if (isScalar(node) && typeof node.value === 'string' && node.value.trim()) return node.value.trim();
  problem(ctx, nodeLine(ctx, node, line), path, isScalar(node) && node.value === '' ? 'must not be empty' : `expected text, found ${describe(node)}`);
  return undefined;
};

function wholeNumber(min: number, max: number, what: string): Reader<number> {
  return (ctx, raw, path, line) => {
    const node = resolve(ctx, raw, path, line);
    if (ctx.aliasLimitHit) return undefined;
    if (isScalar(node) && typeof node.value === 'number' && Number.isInteger(node.value) && node.value >= min && node.value <= max) return node.value;
    const found = isScalar(node) && typeof node.value === 'number' ? `, found ${node.value}` : `, found ${describe(node)}`;
    problem(ctx, nodeLine(ctx, node, line), path, `expected ${what} from ${min} to ${max}${found}`);
    return undefined;
  };
}

function list<T>(item: Reader<T>, min: number, max: number, what: string): Reader<T[]> {
  return (ctx, raw, path, line) => {
    const node = resolve(ctx, raw, path, line);
    if (ctx.aliasLimitHit) return undefined;
    const at = nodeLine(ctx, node, line);
    if (!isSeq(node)) {
      problem(ctx, at, path, `expected a list of ${what}, found ${describe(node)}`);
      return undefined;
    }
    if (node.items.length < min || node.items.length > max) {
      problem(ctx, at, path, `expected ${min === max ? min : `${min} to ${max}`} ${what}, found ${node.items.length}`);
    }
    const out: T[] = [];
    let ok = true;
    node.items.forEach((child, i) => {
      const p = `${path}[${i}]`;
      const l = nodeLine(ctx, child, at);
      ctx.lines.set(p, l);
      const v = item(ctx, child, p, l);
      if (v === undefined) ok = false;
      else out.push(v);
    });
    return ok ? out : undefined;
  };
}

/** Edit distance, for "did you mean" hints. */
function distance(a: string, b: string): number {
  const d = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0];
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = d[j];
      d[j] = Math.min(d[j] + 1, d[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return d[b.length];
}

/** The closest of `names` to `name`, when it is close enough to be a likely typo. */
export function nearest(name: string, names: readonly string[]): string | undefined {
  const n = name.toLowerCase();
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of names) {
    const d = distance(n, c.toLowerCase());
    if (d < bestD) {
      best = c;
      bestD = d;
    }
  }
  return best !== undefined && bestD <= Math.max(2, Math.floor(n.length / 3)) ? best : undefined;
}

type Fields = Record<string, { read: Reader<unknown>; required: boolean }>;

function object<T>(fields: Fields, what: string): Reader<T> {
  const names = Object.keys(fields);
  return (ctx, raw, path, line) => {
    const node = resolve(ctx, raw, path, line);
    if (ctx.aliasLimitHit) return undefined;
    const at = nodeLine(ctx, node, line);
    if (!isMap(node)) {
      problem(ctx, at, path || '(file)', `expected ${what} (a map with ${names.filter((n) => fields[n].required).join(', ')}), found ${describe(node)}`);
      return undefined;
    }
    const out: Record<string, unknown> = {};
    const seen = new Set<string>();
    let ok = true;
    for (const pair of node.items) {
      const keyNode = pair.key;
      const key = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
      const kl = nodeLine(ctx, keyNode, at);
      const p = path ? `${path}.${key}` : key;
      const field = Object.prototype.hasOwnProperty.call(fields, key) ? fields[key] : undefined;
      if (!field) {
        const hint = nearest(key, names);
        problem(ctx, kl, p, `unknown key${hint ? ` (did you mean \`${hint}\`?)` : `; expected one of ${names.join(', ')}`}`);
        ok = false;
        continue;
      }
      if (seen.has(key)) continue; // the YAML parser already reports duplicate keys
      seen.add(key);
      const vl = nodeLine(ctx, pair.value, kl);
      ctx.lines.set(p, vl);
      const v = field.read(ctx, pair.value, p, vl);
      if (v === undefined) ok = false;
      else out[key] = v;
      if (ctx.aliasLimitHit) return undefined;
    }
    for (const name of names) {
      if (fields[name].required && !seen.has(name)) {
        problem(ctx, at, path ? `${path}.${name}` : name, 'missing (required)');
        ok = false;
      }
    }
    return ok ? (out as T) : undefined;
  };
}

const req = (read: Reader<unknown>) => ({ read, required: true });
const opt = (read: Reader<unknown>) => ({ read, required: false });

const checkName: Reader<SignalCheck> = (ctx, raw, path, line) => {
  const v = text(ctx, raw, path, line);
  if (v === undefined) return undefined;
  if ((SIGNAL_CHECKS as readonly string[]).includes(v)) return v as SignalCheck;
  const hint = nearest(v, SIGNAL_CHECKS);
  problem(ctx, nodeLine(ctx, raw, line), path, `unknown check "${v}"${hint ? ` (did you mean "${hint}"?)` : ''}; use one of ${SIGNAL_CHECKS.join(', ')}`);
  return undefined;
};

const signal = object<{ text: string; check?: SignalCheck; cues?: string[] }>({
  text: req(text),
  check: opt(checkName),
  cues: opt(list(text, 1, 12, 'cue phrases')),
}, 'a signal');

const stepFields = (): Fields => ({
  targetSeconds: req(wholeNumber(1, 600, 'a whole number of seconds')),
  coaching: req(text),
  mistake: req(text),
  signals: req(list(signal, 2, 5, 'signals')),
  example: req(text),
});

const step = object<WalkthroughStep>(stepFields(), 'a step');

const steps = object<Record<StepName, WalkthroughStep>>(
  Object.fromEntries(STEPS.map((s) => [s, req(step)])),
  'the five steps',
);

const followUp = object<WalkthroughFollowUp>({
  probe: req(text),
  probes: req(text),
  weak: req(text),
  weakWhy: req(text),
  strong: req(text),
  keyPhrase: req(text),
}, 'a follow-up');

const lens = object<WalkthroughLens>({
  principle: req(text),
  leadWith: req(text),
  emphasize: req(text),
  playDown: req(text),
}, 'a lens');

const level = object<WalkthroughLevel>({
  focus: req(text),
  bar: req(text),
  lengthSeconds: req(wholeNumber(10, 1800, 'a whole number of seconds')),
}, 'a level');

const levels = object<Record<Level, WalkthroughLevel>>(
  Object.fromEntries(LEVELS.map((l) => [l, req(level)])),
  'the three levels',
);

const quizItem = object<WalkthroughQuizItem>({
  question: req(text),
  options: req(list(text, 2, 5, 'options')),
  answer: req(wholeNumber(0, 99, 'a 0-based option index')),
  why: req(text),
}, 'a quiz question');

interface RawWalkthrough {
  id: string;
  question: string;
  aliases?: string[];
  principles: string[];
  leadWith: string;
  steps: Record<StepName, WalkthroughStep & { signals: Array<{ text: string; check?: SignalCheck; cues?: string[] }> }>;
  followUps: WalkthroughFollowUp[];
  lenses: WalkthroughLens[];
  levels: Record<Level, WalkthroughLevel>;
  quiz: WalkthroughQuizItem[];
}

const walkthroughReader = object<RawWalkthrough>({
  id: req(text),
  question: req(text),
  aliases: opt(list(text, 0, 12, 'alternative wordings')),
  principles: req(list(text, 1, 16, 'principle names')),
  leadWith: req(text),
  steps: req(steps),
  followUps: req(list(followUp, 3, 5, 'follow-ups')),
  lenses: req(list(lens, 1, 16, 'lenses')),
  levels: req(levels),
  quiz: req(list(quizItem, 2, 4, 'quiz questions')),
}, 'a walkthrough');

/** The deepest key path whose key starts at or before `offset` (where a YAML error most likely sits), with that key's offset. */
function keyPathAt(node: unknown, offset: number, path = '', start = 0): { path: string; start: number } {
  if (isMap(node)) {
    let hit: { key: string; value: unknown; start: number } | undefined;
    for (const pair of node.items) {
      const k = pair.key as { range?: readonly number[] } | null;
      if (k?.range && k.range[0] <= offset) hit = { key: isScalar(pair.key) ? String(pair.key.value) : String(pair.key), value: pair.value, start: k.range[0] };
    }
    if (!hit) return { path, start };
    return keyPathAt(hit.value, offset, path ? `${path}.${hit.key}` : hit.key, hit.start);
  }
  if (isSeq(node)) {
    let idx = -1;
    let at = start;
    node.items.forEach((item, i) => {
      const r = (item as { range?: readonly number[] } | null)?.range;
      if (r && r[0] <= offset) {
        idx = i;
        at = r[0];
      }
    });
    return idx < 0 ? { path, start } : keyPathAt(node.items[idx], offset, `${path}[${idx}]`, at);
  }
  return { path, start };
}

const fold = (s: string): string => s.toLowerCase().replace(/[’‘]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim();

/** Checks that need several keys at once: id and file name, principles, lenses, quiz answers, key phrases. */
function crossCheck(ctx: Ctx, w: RawWalkthrough): string[] {
  const lineOf = (p: string): number => ctx.lines.get(p) ?? 1;
  const expected = idFromFileName(ctx.file);
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(w.id)) problem(ctx, lineOf('id'), 'id', `"${w.id}" is not kebab-case (lower-case words joined by hyphens, e.g. raised-quality-bar)`);
  else if (w.id !== expected) problem(ctx, lineOf('id'), 'id', `"${w.id}" must equal the file name without .yaml ("${expected}")`);

  const names = PRINCIPLES.map((p) => p.name);
  const principles: string[] = [];
  w.principles.forEach((p, i) => {
    const canonical = canonicalPrinciple(p);
    if (!canonical) {
      const hint = nearest(p, names);
      problem(ctx, lineOf(`principles[${i}]`), `principles[${i}]`, `unknown principle "${p}"${hint ? ` (did you mean "${hint}"?)` : ''}; see the list in docs/walkthroughs.md`);
    } else if (principles.includes(canonical)) problem(ctx, lineOf(`principles[${i}]`), `principles[${i}]`, `"${canonical}" is listed twice`);
    else principles.push(canonical);
  });

  const lensFor = new Set<string>();
  w.lenses.forEach((l, i) => {
    const p = `lenses[${i}].principle`;
    const canonical = canonicalPrinciple(l.principle);
    if (!canonical) {
      const hint = nearest(l.principle, names);
      problem(ctx, lineOf(p), p, `unknown principle "${l.principle}"${hint ? ` (did you mean "${hint}"?)` : ''}`);
    } else if (!principles.includes(canonical)) {
      problem(ctx, lineOf(p), p, `"${canonical}" is not in this walkthrough's principles; a lens must match one of them`);
    } else if (lensFor.has(canonical)) {
      problem(ctx, lineOf(p), p, `a second lens for "${canonical}"; give each principle one lens`);
    } else lensFor.add(canonical);
  });
  for (const p of principles) {
    if (!lensFor.has(p)) problem(ctx, lineOf('lenses'), 'lenses', `no lens for "${p}"; give each principle in principles one lens`);
  }

  w.quiz.forEach((q, i) => {
    if (q.answer >= q.options.length) {
      problem(ctx, lineOf(`quiz[${i}].answer`), `quiz[${i}].answer`, `${q.answer} is out of range: options has ${q.options.length} items, so the answer is 0 to ${q.options.length - 1}`);
    }
  });

  w.followUps.forEach((f, i) => {
    if (!fold(f.strong).includes(fold(f.keyPhrase))) {
      problem(ctx, lineOf(`followUps[${i}].keyPhrase`), `followUps[${i}].keyPhrase`, 'must be copied word for word from `strong`');
    }
  });
  return principles;
}

/** Parses and validates one walkthrough file; returns the walkthrough only when the file has no problem. Never throws. */
export function validateWalkthrough(textIn: string, fileName: string, source: WalkthroughSource = 'builtin'): ValidationResult {
  const file = fileName;
  try {
    return validateUnsafe(String(textIn ?? ''), file, source);
  } catch (e) {
    // A bug here must not stop the other files loading.
    return { problems: [formatProblem(file, 1, '(file)', `could not be read: ${e instanceof Error ? e.message : String(e)}`)] };
  }
}

function validateUnsafe(source: string, file: string, origin: WalkthroughSource): ValidationResult {
  if (source.length > MAX_WALKTHROUGH_CHARS) {
    return { problems: [formatProblem(file, 1, '(file)', `the file is ${Math.round(source.length / 1024)} KB; a walkthrough must be under ${MAX_WALKTHROUGH_CHARS / 1024} KB`)] };
  }
  if (!source.trim()) return { problems: [formatProblem(file, 1, '(file)', 'the file is empty; a walkthrough needs id, question, principles, leadWith, steps, followUps, lenses, levels and quiz')] };
  if (source.includes('\u0000')) return { problems: [formatProblem(file, 1, '(file)', 'the file is binary, not YAML text')] };

  const lc = new LineCounter();
  const doc = parseDocument(source, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  const ctx: Ctx = { file, doc, lc, problems: [], lines: new Map(), aliases: 0, aliasLimitHit: false };
  if (doc.errors.length > 0) {
    for (const err of doc.errors.slice(0, 3)) {
      const offset = err.pos?.[0] ?? 0;
      const at = keyPathAt(doc.contents, offset);
      const first = err.message.split('\n')[0].replace(/\s+at line \d+, column \d+:?$/, '');
      // An unclosed quote runs to the end of the file: point at the key where it opened instead.
      const unclosed = err.code === 'MISSING_CHAR' && offset >= source.trimEnd().length - 1 && at.path;
      problem(ctx, lineAt(ctx, unclosed ? at.start : offset), at.path || '(file)', `not valid YAML: ${first}${unclosed ? ' (it opens here and never closes)' : ''}`);
    }
    return { problems: ctx.problems };
  }
  // Anchors that expand exponentially ("billion laughs") are refused before anything walks them.
  try {
    doc.toJS({ maxAliasCount: MAX_WALKTHROUGH_ALIASES });
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    return { problems: [formatProblem(file, 1, '(file)', `refused: ${/alias/i.test(msg) ? `the anchors and aliases expand too far (more than ${MAX_WALKTHROUGH_ALIASES} uses)` : msg}`)] };
  }

  const raw = walkthroughReader(ctx, doc.contents as YamlNode | null, '', 1);
  if (!raw || ctx.problems.length > 0) return { problems: ctx.problems };
  const principles = crossCheck(ctx, raw);
  if (ctx.problems.length > 0) return { problems: ctx.problems };

  const stepsOut = {} as Record<StepName, WalkthroughStep>;
  for (const s of STEPS) {
    const st = raw.steps[s];
    stepsOut[s] = {
      ...st,
      signals: st.signals.map((sig): WalkthroughSignal => ({ text: sig.text, ...(sig.check ? { check: sig.check } : {}), cues: sig.cues ?? [] })),
    };
  }
  const walkthrough: Walkthrough = {
    id: raw.id,
    question: raw.question,
    aliases: raw.aliases ?? [],
    principles,
    leadWith: raw.leadWith,
    steps: stepsOut,
    followUps: raw.followUps,
    lenses: raw.lenses.map((l) => ({ ...l, principle: canonicalPrinciple(l.principle) ?? l.principle })),
    levels: raw.levels,
    quiz: raw.quiz,
    file,
    source: origin,
  };
  return { walkthrough, problems: [] };
}
