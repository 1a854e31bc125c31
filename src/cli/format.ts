/**
 * Output formats of the command line: text (`file:line:col severity rule message`) and SPEC's JSON here;
 * `summary` (summary.ts) and `sarif` (sarif.ts) beside it.
 */
import type { Finding } from '../core';

/** The output formats `--format` accepts. */
export const FORMATS = ['text', 'json', 'summary', 'sarif'] as const;

/** An output format. */
export type OutputFormat = (typeof FORMATS)[number];

/** A finding with the file it came from. */
export interface FileFinding {
  file: string;
  finding: Finding;
}

/** SPEC's JSON record: 1-based lines and columns. */
export interface JsonFinding {
  file: string;
  rule: string;
  severity: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  section: string | null;
  message: string;
}

/** Converts a finding to SPEC's JSON shape. */
export function toJson({ file, finding: f }: FileFinding): JsonFinding {
  return {
    file,
    rule: f.ruleId,
    severity: f.severity,
    line: f.range.start.line + 1,
    column: f.range.start.character + 1,
    endLine: f.range.end.line + 1,
    endColumn: f.range.end.character + 1,
    section: f.section,
    message: f.message,
  };
}

/** One line per finding: `file:line:col severity rule message`. */
export function formatText(items: readonly FileFinding[]): string {
  return items
    .map(({ file, finding: f }) => `${file}:${f.range.start.line + 1}:${f.range.start.character + 1} ${f.severity} ${f.ruleId} ${f.message}`)
    .join('\n');
}

/** A JSON array of findings. */
export function formatJson(items: readonly FileFinding[]): string {
  return JSON.stringify(items.map(toJson), null, 2);
}
