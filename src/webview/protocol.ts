/**
 * The messages between the extension host and the walkthrough page. Shared by both sides; no vscode,
 * no DOM. The host validates every message from the page with `isFromWebview` before acting on it.
 */
import type { Range } from '../core/model';
import type { PanelViewModel } from '../core/walkthroughs/viewModel';

/** Host → page. */
export type ToWebview =
  /** A story and its walkthrough to show; `documentUri` lets a restored panel find the story again. */
  | { type: 'update'; model: PanelViewModel; documentUri?: string }
  /** Nothing to show, and why; `canPick` offers the walkthrough picker. */
  | { type: 'empty'; reason: string; canPick?: boolean };

/** Page → host. */
export type FromWebview =
  /** The page is listening; the host sends the current state. */
  | { type: 'ready' }
  /** Select and reveal a range of the story in its editor. */
  | { type: 'reveal'; range: Range }
  /** Choose another walkthrough: the given id, or (no id) a quick pick. */
  | { type: 'pickWalkthrough'; id?: string }
  /** The user answered a quiz question (remembered across sessions). */
  | { type: 'quizAnswer'; walkthroughId: string; question: number; choice: number };

/** The state the page keeps with `setState` (and the serializer hands back after a reload). */
export interface PageState {
  /** The story the panel showed. */
  documentUri?: string;
  /** Open/closed sections by key. */
  open?: Record<string, boolean>;
  /** Quiz answers per walkthrough id, by question index. */
  quiz?: Record<string, Record<string, number>>;
}

const MAX_LINE = 10_000_000;
const MAX_ID = 200;

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function isIndex(x: unknown, max: number): x is number {
  return typeof x === 'number' && Number.isInteger(x) && x >= 0 && x <= max;
}

function isPosition(x: unknown): boolean {
  return isObject(x) && isIndex(x.line, MAX_LINE) && isIndex(x.character, MAX_LINE) && Object.keys(x).length === 2;
}

/** True for a well-formed Range (two positions of non-negative whole numbers, start before end). */
export function isRange(x: unknown): x is Range {
  if (!isObject(x) || !isPosition(x.start) || !isPosition(x.end) || Object.keys(x).length !== 2) return false;
  const s = x.start as { line: number; character: number };
  const e = x.end as { line: number; character: number };
  return s.line < e.line || (s.line === e.line && s.character <= e.character);
}

function isId(x: unknown): x is string {
  return typeof x === 'string' && x.length > 0 && x.length <= MAX_ID && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(x);
}

/** Checks that a message from the page is one of `FromWebview`, every field with its type and nothing else. */
export function isFromWebview(x: unknown): x is FromWebview {
  if (!isObject(x) || typeof x.type !== 'string') return false;
  const keys = Object.keys(x).sort().join(',');
  switch (x.type) {
    case 'ready':
      return keys === 'type';
    case 'reveal':
      return keys === 'range,type' && isRange(x.range);
    case 'pickWalkthrough':
      return keys === 'type' || (keys === 'id,type' && isId(x.id));
    case 'quizAnswer':
      return keys === 'choice,question,type,walkthroughId' && isId(x.walkthroughId) && isIndex(x.question, 99) && isIndex(x.choice, 99);
    default:
      return false;
  }
}

/** A light check of a message from the host (the page trusts the host, but not a stray postMessage). */
export function isToWebview(x: unknown): x is ToWebview {
  if (!isObject(x)) return false;
  if (x.type === 'update') return isObject(x.model) && Array.isArray(x.model.steps) && (x.documentUri === undefined || typeof x.documentUri === 'string');
  if (x.type === 'empty') return typeof x.reason === 'string' && (x.canPick === undefined || typeof x.canPick === 'boolean');
  return false;
}
