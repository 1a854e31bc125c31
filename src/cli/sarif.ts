/**
 * SARIF 2.1.0 output, so GitHub code scanning (and other SARIF viewers) show star-lint's findings on pull
 * requests. One run, one tool, every rule described; results carry 1-based regions and URIs relative to
 * the working directory with forward slashes.
 */
import type { Rule, Severity } from '../core';
import type { FileFinding } from './format';

/** Where the project lives; rule help links point into its docs/rules folder. Change both if the repository moves. */
export const REPOSITORY_URL = 'https://github.com/star-stories/star-stories';
/** The base of the rule docs links: `${RULE_DOCS_URL}<rule-id>.md`. */
export const RULE_DOCS_URL = `${REPOSITORY_URL}/blob/main/docs/rules/`;
/** The JSON schema SARIF 2.1.0 files name. */
export const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

/** A SARIF level. */
export type SarifLevel = 'none' | 'note' | 'warning' | 'error';

/** The SARIF level of a severity: info and hint become `note`. */
export function sarifLevel(severity: Severity): SarifLevel {
  return severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'note';
}

/** What the SARIF log needs besides the findings. */
export interface SarifOptions {
  /** star-lint's version. */
  version: string;
  /** The rules to describe (all of them, so a viewer can explain any id). */
  rules: readonly Rule[];
  /** Files are made relative to this folder; absolute or relative, as the files are. */
  cwd?: string;
  /** False when some file could not be read. */
  executionSuccessful?: boolean;
}

/** A SARIF 2.1.0 log of the findings, as a JSON string. */
export function formatSarif(items: readonly FileFinding[], options: SarifOptions): string {
  const ruleIndex = new Map<string, number>();
  const rules = options.rules.map((r, i) => {
    ruleIndex.set(r.id, i);
    return {
      id: r.id,
      name: ruleName(r.id),
      shortDescription: { text: r.description },
      fullDescription: { text: r.description },
      helpUri: `${RULE_DOCS_URL}${r.id}.md`,
      help: { text: `${r.description} See ${RULE_DOCS_URL}${r.id}.md` },
      defaultConfiguration: { level: sarifLevel(r.defaultSeverity) },
    };
  });
  const results = items.map(({ file, finding: f }) => {
    const index = ruleIndex.get(f.ruleId);
    return {
      ruleId: f.ruleId,
      ...(index !== undefined ? { ruleIndex: index } : {}),
      level: sarifLevel(f.severity),
      message: { text: f.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: artifactLocation(file, options.cwd),
            region: {
              startLine: f.range.start.line + 1,
              startColumn: f.range.start.character + 1,
              endLine: f.range.end.line + 1,
              endColumn: f.range.end.character + 1,
            },
          },
        },
      ],
      // The step and star-lint's own severity (SARIF folds info and hint into note).
      properties: { severity: f.severity, ...(f.section ? { section: f.section } : {}) },
    };
  });
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'star-lint',
            version: options.version,
            semanticVersion: /^\d+\.\d+\.\d+/.test(options.version) ? options.version : undefined,
            informationUri: REPOSITORY_URL,
            rules,
          },
        },
        invocations: [{ executionSuccessful: options.executionSuccessful ?? true }],
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2);
}

/** The artifact location: a relative URI against %SRCROOT% (the checkout), or an absolute one. */
function artifactLocation(file: string, cwd?: string): { uri: string; uriBaseId?: string } {
  const uri = artifactUri(file, cwd);
  return uri.startsWith('file:') ? { uri } : { uri, uriBaseId: '%SRCROOT%' };
}

/**
 * The file as a URI: relative to `cwd` with forward slashes when it lies under it (or was given relative),
 * each segment percent-encoded (spaces, `#`, `%`), `./` dropped; an absolute `file://` URI otherwise.
 */
export function artifactUri(file: string, cwd?: string): string {
  let p = file.replace(/\\/g, '/');
  if (cwd !== undefined && isAbsolute(p)) {
    const base = cwd.replace(/\\/g, '/').replace(/\/+$/, '');
    const windows = /^[a-z]:/i.test(base);
    const prefix = `${base}/`;
    if (base && (windows ? p.toLowerCase().startsWith(prefix.toLowerCase()) : p.startsWith(prefix))) p = p.slice(prefix.length);
  }
  p = p.replace(/\/{2,}/g, '/');
  while (p.startsWith('./')) p = p.slice(2);
  if (/^[a-z]:\//i.test(p)) return `file:///${p.slice(0, 2)}${encodePath(p.slice(2))}`;
  if (p.startsWith('/')) return `file://${encodePath(p)}`;
  return encodePath(p);
}

function isAbsolute(p: string): boolean {
  return p.startsWith('/') || /^[a-z]:\//i.test(p);
}

function encodePath(p: string): string {
  return p.split('/').map(encodeURIComponent).join('/');
}

/** `we-language` → `WeLanguage`: SARIF's optional rule name, in the conventional PascalCase. */
function ruleName(id: string): string {
  return id
    .split('-')
    .map((w) => (w ? w[0].toUpperCase() + w.slice(1) : w))
    .join('');
}
