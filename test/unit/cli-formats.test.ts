/**
 * `--format summary` and `--format sarif`, run in-process through run() over an in-memory file system,
 * plus a hand-written check of the SARIF 2.1.0 fields GitHub code scanning requires.
 */
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { run } from '../../src/cli/main';
import type { CliIo, EntryKind } from '../../src/cli/main';
import { formatJson, formatText } from '../../src/cli/format';
import type { FileFinding } from '../../src/cli/format';
import { RULE_DOCS_URL, artifactUri, sarifLevel } from '../../src/cli/sarif';
import { analyze, rules } from '../../src/core';
import { BANK } from './coverage.test';

const ROOT = join(__dirname, '..', '..', '..');

/** An in-memory file system (absolute or relative paths, `/` separated) for run(). */
function memoryIo(files: Record<string, string>, argv: string[], extra: Partial<CliIo> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const dirs = new Set<string>();
  for (const p of Object.keys(files)) {
    const parts = p.split('/');
    for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join('/') || '/');
  }
  const io: CliIo = {
    argv,
    readFile: (p) => {
      if (!(p in files)) throw Object.assign(new Error('denied'), { code: 'EACCES' });
      return files[p];
    },
    stdout: (t) => void out.push(t),
    stderr: (t) => void err.push(t),
    stat: (p): EntryKind => (dirs.has(p) ? 'dir' : p in files || p.endsWith('locked.star.md') ? 'file' : 'missing'),
    readDir: (p) => [...new Set(Object.keys(files).filter((f) => f.startsWith(`${p}/`)).map((f) => f.slice(p.length + 1).split('/')[0]))],
    cwd: '/repo',
    version: '1.2.3',
    ...extra,
  };
  return { io, out: () => out.join(''), err: () => err.join('') };
}

const SHIPPED = readdirSync(join(ROOT, 'walkthroughs')).filter((f) => f.endsWith('.yaml'));

/** The fixture bank under /repo/stories, with the shipped walkthroughs under /app/walkthroughs. */
function bankFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const [name, text] of Object.entries(BANK)) files[`/repo/stories/${name}`] = text;
  for (const f of SHIPPED) files[`/app/walkthroughs/${f}`] = readFileSync(join(ROOT, 'walkthroughs', f), 'utf8');
  files['/app/walkthroughs/README.md'] = '# not a walkthrough';
  return files;
}

/** Problems with a SARIF log against the 2.1.0 schema's required fields and enums (empty when valid). */
function sarifProblems(log: unknown): string[] {
  const problems: string[] = [];
  const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
  const str = (v: unknown, where: string, nonEmpty = true) => {
    if (typeof v !== 'string' || (nonEmpty && !v)) problems.push(`${where}: expected a string`);
  };
  const int = (v: unknown, where: string, min: number) => {
    if (!Number.isInteger(v) || (v as number) < min) problems.push(`${where}: expected an integer >= ${min}`);
  };
  const LEVELS = ['none', 'note', 'warning', 'error'];
  if (!isObj(log)) return ['log: expected an object'];
  if (log.version !== '2.1.0') problems.push('version: expected "2.1.0"');
  str(log.$schema, '$schema');
  if (typeof log.$schema === 'string' && !/^https:\/\/.+sarif.*2\.1\.0.*\.json$/.test(log.$schema)) problems.push('$schema: not a SARIF 2.1.0 schema URI');
  if (!Array.isArray(log.runs) || log.runs.length === 0) return [...problems, 'runs: expected a non-empty array'];
  log.runs.forEach((run: unknown, r: number) => {
    const at = `runs[${r}]`;
    if (!isObj(run)) return problems.push(`${at}: expected an object`);
    const driver = isObj(run.tool) && isObj(run.tool.driver) ? run.tool.driver : undefined;
    if (!driver) return problems.push(`${at}.tool.driver: required`);
    str(driver.name, `${at}.tool.driver.name`);
    const ruleIds: string[] = [];
    if (driver.rules !== undefined) {
      if (!Array.isArray(driver.rules)) problems.push(`${at}.tool.driver.rules: expected an array`);
      else
        driver.rules.forEach((rule: unknown, i: number) => {
          const rat = `${at}.tool.driver.rules[${i}]`;
          if (!isObj(rule)) return problems.push(`${rat}: expected an object`);
          str(rule.id, `${rat}.id`);
          ruleIds.push(String(rule.id));
          if (rule.shortDescription !== undefined && !(isObj(rule.shortDescription) && typeof rule.shortDescription.text === 'string')) problems.push(`${rat}.shortDescription.text: required`);
          if (rule.helpUri !== undefined && !/^[a-z][a-z0-9+.-]*:/i.test(String(rule.helpUri))) problems.push(`${rat}.helpUri: must be an absolute URI`);
          const cfg = rule.defaultConfiguration;
          if (cfg !== undefined && (!isObj(cfg) || (cfg.level !== undefined && !LEVELS.includes(String(cfg.level))))) problems.push(`${rat}.defaultConfiguration.level: not in ${LEVELS}`);
        });
    }
    if (new Set(ruleIds).size !== ruleIds.length) problems.push(`${at}.tool.driver.rules: duplicate ids`);
    if (run.invocations !== undefined) {
      (run.invocations as unknown[]).forEach((inv, i) => {
        if (!isObj(inv) || typeof inv.executionSuccessful !== 'boolean') problems.push(`${at}.invocations[${i}].executionSuccessful: required boolean`);
      });
    }
    if (run.results === undefined) return;
    if (!Array.isArray(run.results)) return problems.push(`${at}.results: expected an array`);
    run.results.forEach((res: unknown, i: number) => {
      const rat = `${at}.results[${i}]`;
      if (!isObj(res)) return problems.push(`${rat}: expected an object`);
      if (!isObj(res.message) || typeof res.message.text !== 'string' || !res.message.text) problems.push(`${rat}.message.text: required`);
      if (res.ruleId === undefined && res.rule === undefined) problems.push(`${rat}.ruleId: required (GitHub needs it)`);
      if (res.level !== undefined && !LEVELS.includes(String(res.level))) problems.push(`${rat}.level: not in ${LEVELS}`);
      if (res.ruleIndex !== undefined) {
        int(res.ruleIndex, `${rat}.ruleIndex`, 0);
        if (ruleIds[res.ruleIndex as number] !== res.ruleId) problems.push(`${rat}.ruleIndex: points at another rule`);
      }
      if (!Array.isArray(res.locations) || res.locations.length === 0) return problems.push(`${rat}.locations: GitHub needs one`);
      res.locations.forEach((loc: unknown, j: number) => {
        const lat = `${rat}.locations[${j}].physicalLocation`;
        const pl = isObj(loc) && isObj(loc.physicalLocation) ? loc.physicalLocation : undefined;
        if (!pl) return problems.push(`${lat}: required`);
        const uri = isObj(pl.artifactLocation) ? pl.artifactLocation.uri : undefined;
        str(uri, `${lat}.artifactLocation.uri`);
        if (typeof uri === 'string' && (uri.includes('\\') || /\s/.test(uri))) problems.push(`${lat}.artifactLocation.uri: not a URI: ${uri}`);
        const region = pl.region;
        if (!isObj(region)) return problems.push(`${lat}.region: required`);
        int(region.startLine, `${lat}.region.startLine`, 1);
        int(region.startColumn, `${lat}.region.startColumn`, 1);
        int(region.endLine, `${lat}.region.endLine`, 1);
        int(region.endColumn, `${lat}.region.endColumn`, 1);
        const [sl, sc, el, ec] = [region.startLine, region.startColumn, region.endLine, region.endColumn] as number[];
        if (el < sl || (el === sl && ec < sc)) problems.push(`${lat}.region: ends before it starts`);
      });
    });
  });
  return problems;
}

describe('star-lint --format summary', () => {
  it('prints the coverage table, the unanswered questions and a row per story', async () => {
    const t = memoryIo(bankFiles(), ['--format', 'summary', '/repo/stories'], { walkthroughsDir: '/app/walkthroughs' });
    assert.equal(await run(t.io), 1, 'the bank holds error findings');
    assert.equal(t.err(), '');
    const out = t.out();
    assert.match(out, /^# STAR story bank\n/);
    assert.match(out, /4 stories, 2 with errors\. 3 of 16 Leadership Principles have a story without errors\./);
    assert.match(out, /\| Customer Obsession +\| +1 \| +0 \| only stories with errors +\|/);
    assert.match(out, /\| Ownership +\| +2 \| +1 \| covered +\|/);
    assert.match(out, /\| Earn Trust +\| +0 \| +0 \| no story +\|/);
    assert.match(out, /\| Grit \(unknown principle\) +\| +1 \|/);
    assert.match(out, /\| No principle +\| +1 \|/);
    // The clean story names the ownership walkthrough; the receipts story's question matches customer-obsession.
    assert.ok(out.includes(`## Questions no story answers yet (${SHIPPED.length - 2} of ${SHIPPED.length})\n`), out);
    assert.match(out, /^- Tell me about a time you delivered with fewer resources than you wanted\. \(Frugality, Invent and Simplify\)$/m);
    assert.ok(!out.includes('outside your area of responsibility'), 'answered by id');
    assert.ok(!out.includes('went beyond what was asked for a customer'), 'answered by question');
    assert.match(out, /\| Slow invoice exports +\| \/repo\/stories\/invoice-exports\.star\.md +\| sde2 +\| +1:\d\d \/ 2:30 \| +0 \| +0 \|/);
    assert.match(out, /\| The missing receipts +\|.*\| senior +\|.*\/ 3:00 \|/);
    assert.ok(!/error missing-section/.test(out), 'no per-finding lines in the summary');
  });

  it('reads a user walkthroughs folder next to the built-in one, the user file winning', async () => {
    const files = bankFiles();
    files['/repo/my-wt/frugality.yaml'] = files['/app/walkthroughs/frugality.yaml'].replace(/^question: .*$/m, 'question: Describe the cheapest fix you ever shipped');
    files['/repo/my-wt/broken.yaml'] = 'id: [unclosed\n';
    const t = memoryIo(files, ['--format', 'summary', '--walkthroughs', '/repo/my-wt', '/repo/stories'], { walkthroughsDir: '/app/walkthroughs' });
    assert.equal(await run(t.io), 1);
    assert.match(t.out(), /^- Describe the cheapest fix you ever shipped \(Frugality, Invent and Simplify\)$/m);
    assert.ok(!t.out().includes('fewer resources'));
    assert.match(t.err(), /^star-lint: \/repo\/my-wt\/broken\.yaml:\d+: .*not valid YAML.*\(ignored\)$/m);
    assert.equal(t.err().split('\n').filter(Boolean).length, 1, t.err());
  });

  it('exits 2 when the --walkthroughs folder does not exist, and still prints the summary', async () => {
    const t = memoryIo(bankFiles(), ['--format', 'summary', '--walkthroughs=/nope', '/repo/stories']);
    assert.equal(await run(t.io), 2);
    assert.match(t.err(), /\/nope: no such folder/);
    assert.match(t.out(), /# STAR story bank/);
  });

  it('leaves out the questions section when there are no walkthroughs, and exits 0 for a clean bank', async () => {
    const t = memoryIo({ '/repo/s/a.star.md': BANK['invoice-exports.star.md'] }, ['--format', 'summary', '/repo/s']);
    assert.equal(await run(t.io), 0);
    assert.ok(!t.out().includes('## Questions'));
    assert.match(t.out(), /1 story, 0 with errors\. 2 of 16/);
  });

  it('reports an unreadable story on stderr and exits 2, summarizing the rest', async () => {
    const files = { '/repo/s/a.star.md': BANK['invoice-exports.star.md'] };
    const t = memoryIo(files, ['--format', 'summary', '/repo/s/a.star.md', '/repo/s/locked.star.md']);
    assert.equal(await run(t.io), 2);
    assert.match(t.err(), /cannot read \/repo\/s\/locked\.star\.md: permission denied/);
    assert.match(t.out(), /1 story, 0 with errors/);
  });
});

describe('star-lint --format sarif', () => {
  async function sarifOf(files: Record<string, string>, argv: string[], extra: Partial<CliIo> = {}) {
    const t = memoryIo(files, ['--format', 'sarif', ...argv], extra);
    const code = await run(t.io);
    return { code, log: JSON.parse(t.out()), err: t.err() };
  }

  it('writes a SARIF 2.1.0 log with the required fields', async () => {
    const { code, log } = await sarifOf(bankFiles(), ['/repo/stories']);
    assert.equal(code, 1);
    assert.deepEqual(sarifProblems(log), []);
    assert.equal(log.version, '2.1.0');
    assert.equal(log.runs.length, 1);
    const driver = log.runs[0].tool.driver;
    assert.equal(driver.name, 'star-lint');
    assert.equal(driver.version, '1.2.3');
    assert.match(driver.informationUri, /^https:\/\//);
    assert.equal(log.runs[0].invocations[0].executionSuccessful, true);
  });

  it('describes every rule with its docs link and default level', async () => {
    const { log } = await sarifOf(bankFiles(), ['/repo/stories']);
    const described = log.runs[0].tool.driver.rules as Array<{ id: string; shortDescription: { text: string }; helpUri: string; defaultConfiguration: { level: string } }>;
    assert.deepEqual(described.map((r) => r.id), rules.map((r) => r.id));
    for (const r of described) {
      const rule = rules.find((x) => x.id === r.id)!;
      assert.equal(r.shortDescription.text, rule.description);
      assert.equal(r.helpUri, `${RULE_DOCS_URL}${r.id}.md`);
      assert.equal(r.defaultConfiguration.level, sarifLevel(rule.defaultSeverity));
      // The link's target exists in the repository.
      assert.ok(readdirSync(join(ROOT, 'docs', 'rules')).includes(`${r.id}.md`), r.id);
    }
  });

  it('carries the same findings as --format json, with 1-based regions and relative forward-slash URIs', async () => {
    const files = bankFiles();
    const { log } = await sarifOf(files, ['/repo/stories']);
    const j = memoryIo(files, ['--format', 'json', '/repo/stories']);
    await run(j.io);
    const json = JSON.parse(j.out()) as Array<{ file: string; rule: string; severity: string; line: number; column: number; endLine: number; endColumn: number; message: string }>;
    const results = log.runs[0].results as Array<{
      ruleId: string;
      level: string;
      message: { text: string };
      locations: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: Record<string, number> } }>;
    }>;
    assert.equal(results.length, json.length);
    assert.ok(results.length > 5);
    results.forEach((r, i) => {
      const f = json[i];
      const loc = r.locations[0].physicalLocation;
      assert.equal(r.ruleId, f.rule);
      assert.equal(r.level, f.severity === 'info' || f.severity === 'hint' ? 'note' : f.severity);
      assert.equal(r.message.text, f.message);
      assert.equal(loc.artifactLocation.uri, encodeURI(f.file.replace('/repo/', '')));
      assert.equal(loc.artifactLocation.uriBaseId, '%SRCROOT%');
      assert.deepEqual(loc.region, { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn });
    });
    const uris = new Set(results.map((r) => r.locations[0].physicalLocation.artifactLocation.uri));
    assert.ok(uris.has('stories/draft%20notes.star.md'), [...uris].join(' '));
    assert.ok(results.some((r) => r.level === 'note') || !json.some((f) => f.severity === 'info'));
  });

  it('prints an empty results array for a clean story and exits 0', async () => {
    const { code, log } = await sarifOf({ '/repo/a.star.md': BANK['invoice-exports.star.md'] }, ['/repo/a.star.md'], { version: undefined });
    assert.equal(code, 0);
    assert.deepEqual(log.runs[0].results, []);
    assert.equal(log.runs[0].tool.driver.version, '0.0.0');
    assert.deepEqual(sarifProblems(log), []);
  });

  it('marks the run unsuccessful and exits 2 when a file cannot be read', async () => {
    const { code, log, err } = await sarifOf({ '/repo/a.star.md': BANK['missing-receipts.star.md'] }, ['/repo/a.star.md', '/repo/locked.star.md']);
    assert.equal(code, 2);
    assert.match(err, /locked\.star\.md/);
    assert.equal(log.runs[0].invocations[0].executionSuccessful, false);
    assert.ok(log.runs[0].results.length > 0);
    assert.deepEqual(sarifProblems(log), []);
  });

  it('lints the real examples folder into a valid log', async () => {
    const io: CliIo = {
      argv: ['--format', 'sarif', 'examples'],
      readFile: (p) => readFileSync(join(ROOT, p), 'utf8'),
      stdout: (t) => void out.push(t),
      stderr: () => undefined,
      stat: (p) => {
        try {
          return statSync(join(ROOT, p)).isDirectory() ? 'dir' : 'file';
        } catch {
          return 'missing';
        }
      },
      readDir: (p) => readdirSync(join(ROOT, p)),
      realPath: (p) => realpathSync(join(ROOT, p)),
      cwd: ROOT,
      version: '0.1.0',
    };
    const out: string[] = [];
    assert.equal(await run({ ...io, argv: ['--no-config', ...io.argv] }), 1);
    const log = JSON.parse(out.join(''));
    assert.deepEqual(sarifProblems(log), []);
    assert.ok(log.runs[0].results.every((r: { locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }) => r.locations[0].physicalLocation.artifactLocation.uri.startsWith('examples/')));
  });

  it('the checker itself catches broken logs', () => {
    assert.notDeepEqual(sarifProblems({}), []);
    assert.ok(sarifProblems({ version: '2.0.0', $schema: 'x', runs: [] }).length >= 2);
    const bad = {
      version: '2.1.0',
      $schema: 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/os/schemas/sarif-schema-2.1.0.json',
      runs: [{ tool: { driver: { name: '' } }, results: [{ ruleId: 'x', level: 'info', message: {}, locations: [{ physicalLocation: { artifactLocation: { uri: 'a\\b.md' }, region: { startLine: 0, startColumn: 1, endLine: 1, endColumn: 1 } } }] }] }],
    };
    const problems = sarifProblems(bad).join('\n');
    for (const want of ['driver.name', 'level: not in', 'message.text', 'not a URI', 'startLine']) assert.ok(problems.includes(want), want);
  });
});

describe('artifactUri', () => {
  it('makes paths relative to the working directory, with forward slashes and encoded segments', () => {
    assert.equal(artifactUri('/repo/stories/a.star.md', '/repo'), 'stories/a.star.md');
    assert.equal(artifactUri('/repo/stories/a.star.md', '/repo/'), 'stories/a.star.md');
    assert.equal(artifactUri('./stories/my story#1.star.md', '/repo'), 'stories/my%20story%231.star.md');
    assert.equal(artifactUri('stories\\win\\b.star.md'), 'stories/win/b.star.md');
    assert.equal(artifactUri('C:\\work\\repo\\s\\c.star.md', 'c:\\Work\\Repo'), 's/c.star.md');
    assert.equal(artifactUri('/elsewhere/d.star.md', '/repo'), 'file:///elsewhere/d.star.md');
    assert.equal(artifactUri('D:\\x\\e.star.md', 'C:\\repo'), 'file:///D:/x/e.star.md');
  });
});

describe('star-lint text and json formats are unchanged', () => {
  it('prints text and json exactly as format.ts renders the findings', async () => {
    const files = bankFiles();
    const expected: FileFinding[] = [];
    for (const name of Object.keys(BANK).sort()) {
      const file = `/repo/stories/${name}`;
      for (const finding of analyze(files[file]).findings) expected.push({ file, finding });
    }
    const text = memoryIo(files, ['--no-config', '/repo/stories']);
    assert.equal(await run(text.io), 1);
    assert.equal(text.out(), `${formatText(expected)}\n`);
    const json = memoryIo(files, ['--no-config', '--format', 'json', '/repo/stories']);
    assert.equal(await run(json.io), 1);
    assert.equal(json.out(), `${formatJson(expected)}\n`);
  });

  it('names the four formats in --help and rejects others', async () => {
    const h = memoryIo({}, ['--help']);
    assert.equal(await run(h.io), 0);
    assert.match(h.out(), /--format FORMAT/);
    for (const f of ['text', 'json', 'summary', 'sarif']) assert.match(h.out(), new RegExp(`^ +${f} `, 'm'));
    assert.match(h.out(), /--walkthroughs DIR/);
    const bad = memoryIo({}, ['--format', 'html', 'x']);
    assert.equal(await run(bad.io), 2);
    assert.match(bad.err(), /--format must be one of text, json, summary, sarif, not "html"/);
  });
});
