/**
 * Configuration shared by every host: `.starlint.yaml` text → a validated partial config plus problems.
 * Precedence (lowest first): built-in defaults < `.starlint.yaml` < editor settings / CLI flags < the story's front matter (level only).
 */
import { parseDocument, isMap, isScalar, LineCounter } from 'yaml';
import type { Level, SeveritySetting, StarConfig } from './model';
import { LEVELS } from './model';

/** A problem in a config file, with a 1-based line when known. */
export interface ConfigProblem {
  message: string;
  line?: number;
}

/** The result of reading a config file. */
export interface ParsedConfig {
  config: Partial<StarConfig>;
  problems: ConfigProblem[];
}

const SEVERITIES: readonly SeveritySetting[] = ['off', 'hint', 'info', 'warning', 'error'];

/** Reads `.starlint.yaml` text. Never throws: whatever cannot be read becomes a problem and is ignored. */
export function parseConfig(text: string, knownRules: readonly string[] = []): ParsedConfig {
  const problems: ConfigProblem[] = [];
  const config: Partial<StarConfig> = {};
  const counter = new LineCounter();
  let doc;
  try {
    doc = parseDocument(text, { lineCounter: counter, uniqueKeys: true });
  } catch (e) {
    return { config, problems: [{ message: `not valid YAML: ${String(e)}` }] };
  }
  const lineOf = (range?: readonly number[] | null): number | undefined => (range ? counter.linePos(range[0]).line : undefined);
  if (doc.errors.length) {
    return { config, problems: doc.errors.map((e) => ({ message: `not valid YAML: ${e.message.split('\n')[0]}`, line: lineOf(e.pos) })) };
  }
  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value == null)) return { config, problems };
  if (!isMap(doc.contents)) return { config, problems: [{ message: 'expected `key: value` settings (level, wordsPerMinute, rules)' }] };
  for (const pair of doc.contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    const line = lineOf(isScalar(pair.key) ? pair.key.range : undefined);
    const node = pair.value;
    let value: unknown;
    try {
      value = node && typeof (node as { toJS?: unknown }).toJS === 'function' ? (node as { toJS(d: unknown, o: unknown): unknown }).toJS(doc, { maxAliasCount: 50 }) : null;
    } catch (e) {
      problems.push({ message: `${key}: cannot be read (${e instanceof Error ? e.message : String(e)})`, line });
      continue;
    }
    if (key === 'level') {
      const v = typeof value === 'string' ? value.toLowerCase() : '';
      if ((LEVELS as readonly string[]).includes(v)) config.level = v as Level;
      else problems.push({ message: `level: ${JSON.stringify(value)} is not one of ${LEVELS.join(', ')}`, line });
    } else if (key === 'wordsPerMinute' || key === 'words-per-minute') {
      if (typeof value === 'number' && Number.isFinite(value) && value >= 50 && value <= 400) config.wordsPerMinute = value;
      else problems.push({ message: `${key}: expected a number of words per minute between 50 and 400`, line });
    } else if (key === 'rules') {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        problems.push({ message: 'rules: expected a map of rule id to off, info, warning or error', line });
        continue;
      }
      const rules: Record<string, SeveritySetting> = {};
      for (const [id, sev] of Object.entries(value as Record<string, unknown>)) {
        const s = sev === false ? 'off' : typeof sev === 'string' ? sev.toLowerCase() : sev;
        if (knownRules.length && !knownRules.includes(id)) problems.push({ message: `rules.${id}: no such rule`, line });
        else if (typeof s === 'string' && (SEVERITIES as readonly string[]).includes(s)) rules[id] = s as SeveritySetting;
        else problems.push({ message: `rules.${id}: ${JSON.stringify(sev)} is not one of ${SEVERITIES.join(', ')}`, line });
      }
      config.rules = rules;
    } else {
      problems.push({ message: `${key}: unknown setting (known: level, wordsPerMinute, rules)`, line });
    }
  }
  return { config, problems };
}
