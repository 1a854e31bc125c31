/**
 * The star-lint command line, in-process: `run({ argv, ... })` returns the exit code. All I/O is handed in,
 * so tests call it directly; bin.ts wires it to the real process.
 */
import { analyze, parseConfig, resolveConfig, rules, summarizeStory } from '../core';
import type { Level, StarConfig, StorySummary } from '../core';
import { LEVELS } from '../core';
import { FORMATS, formatJson, formatText } from './format';
import type { FileFinding, OutputFormat } from './format';
import { formatSarif } from './sarif';
import { formatSummary, loadWalkthroughFolders } from './summary';

/** What a file-system entry is, as far as the CLI cares. */
export type EntryKind = 'file' | 'dir' | 'missing' | 'other';

/** The I/O the CLI needs; the defaults in bin.ts use node's fs. */
export interface CliIo {
  argv: string[];
  /** Reads a file as UTF-8 text; throws when it cannot. */
  readFile(path: string): string;
  stdout(text: string): void;
  stderr(text: string): void;
  /** What `path` is (following symlinks). */
  stat?(path: string): EntryKind;
  /** The entries of a directory (names only); throws when unreadable. */
  readDir?(path: string): string[];
  /** A key that identifies a directory, to break symlink loops (e.g. its real path). */
  realPath?(path: string): string;
  /** Where to look for `.starlint.yaml` (the working directory); undefined to skip. */
  cwd?: string;
  version?: string;
  /** The built-in walkthroughs folder (for `--format summary`); undefined when there is none. */
  walkthroughsDir?: string;
}

const USAGE = `Usage: star-lint [options] PATH...

Lint behavioral-interview stories (*.star.md) the way a bar raiser reads them.
A PATH is a file or a folder searched for *.star.md.

Options:
  --format FORMAT      output format (default: text):
                         text     one line per finding: file:line:col severity rule message
                         json     a JSON array of findings
                         summary  the story bank at a glance: Leadership Principles with no story or
                                  only stories with errors, walkthrough questions no story answers,
                                  and each story's level, spoken time, errors and warnings (Markdown)
                         sarif    SARIF 2.1.0, for GitHub code scanning
  --walkthroughs DIR   your own walkthroughs folder, read next to the built-in ones (summary)
  --level sde1|sde2|senior
                       level for stories whose front matter names none
  --config FILE        settings file (default: .starlint.yaml in the working directory)
  --no-config          ignore .starlint.yaml
  -h, --help           show this help
  -v, --version        show the version

Exit status: 0 no error finding, 1 an error finding, 2 usage error or unreadable file.`;

interface Args {
  format: OutputFormat;
  walkthroughs?: string;
  level?: Level;
  config?: string;
  noConfig: boolean;
  paths: string[];
  help: boolean;
  version: boolean;
}

function parseArgs(argv: string[]): Args | string {
  const a: Args = { format: 'text', noConfig: false, paths: [], help: false, version: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string | undefined => inline ?? argv[++i];
    switch (flag) {
      case '-h':
      case '--help':
        a.help = true;
        break;
      case '-v':
      case '--version':
        a.version = true;
        break;
      case '--format': {
        const v = value();
        if (!(FORMATS as readonly string[]).includes(v ?? '')) return `--format must be one of ${FORMATS.join(', ')}, not ${JSON.stringify(v ?? '')}`;
        a.format = v as OutputFormat;
        break;
      }
      case '--walkthroughs': {
        const v = value();
        if (!v) return '--walkthroughs needs a folder';
        a.walkthroughs = v;
        break;
      }
      case '--level': {
        const v = value()?.toLowerCase();
        if (!v || !(LEVELS as readonly string[]).includes(v)) return `--level must be one of ${LEVELS.join(', ')}`;
        a.level = v as Level;
        break;
      }
      case '--config': {
        const v = value();
        if (!v) return '--config needs a file';
        a.config = v;
        break;
      }
      case '--no-config':
        a.noConfig = true;
        break;
      case '--':
        a.paths.push(...argv.slice(i + 1));
        i = argv.length;
        break;
      default:
        if (arg.startsWith('-') && arg !== '-') return `unknown option ${arg}`;
        a.paths.push(arg);
    }
  }
  return a;
}

function join(dir: string, name: string): string {
  return dir.endsWith('/') || dir.endsWith('\\') ? dir + name : `${dir}/${name}`;
}

/** Runs the CLI and returns its exit code. Never throws. */
export async function run(io: CliIo): Promise<number> {
  try {
    return runInner(io);
  } catch (e) {
    io.stderr(`star-lint: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
}

function runInner(io: CliIo): number {
  const args = parseArgs(io.argv);
  if (typeof args === 'string') {
    io.stderr(`star-lint: ${args}\n\n${USAGE}\n`);
    return 2;
  }
  if (args.help) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  if (args.version) {
    io.stdout(`${io.version ?? '0.0.0'}\n`);
    return 0;
  }
  if (args.paths.length === 0) {
    io.stderr(`star-lint: no PATH given\n\n${USAGE}\n`);
    return 2;
  }
  let failed = false;

  // Settings: defaults < .starlint.yaml < command-line flags < the story's own front matter (level).
  let fileConfig: Partial<StarConfig> = {};
  const configPath = args.noConfig ? undefined : args.config ?? (io.cwd !== undefined ? join(io.cwd, '.starlint.yaml') : undefined);
  if (configPath) {
    const kind = io.stat ? io.stat(configPath) : 'file';
    if (kind === 'file' || args.config) {
      try {
        const parsed = parseConfig(io.readFile(configPath), rules.map((r) => r.id));
        fileConfig = parsed.config;
        for (const p of parsed.problems) io.stderr(`${configPath}${p.line ? `:${p.line}` : ''}: ${p.message} (ignored)\n`);
      } catch (e) {
        if (args.config) {
          io.stderr(`star-lint: cannot read ${configPath}: ${errorText(e)}\n`);
          return 2;
        }
      }
    }
  }
  const config = resolveConfig(fileConfig, args.level ? { level: args.level } : undefined);

  const files: string[] = [];
  for (const p of args.paths) {
    const kind = io.stat ? io.stat(p) : 'file';
    if (kind === 'dir') {
      if (!collect(io, p, files, new Set())) failed = true;
    } else if (kind === 'missing') {
      io.stderr(`star-lint: ${p}: no such file or folder\n`);
      failed = true;
    } else {
      files.push(p);
    }
  }

  const found: FileFinding[] = [];
  const stories: StorySummary[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = io.readFile(file);
    } catch (e) {
      io.stderr(`star-lint: cannot read ${file}: ${errorText(e)}\n`);
      failed = true;
      continue;
    }
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    const analysis = analyze(text, { config });
    for (const finding of analysis.findings) found.push({ file, finding });
    if (args.format === 'summary') stories.push(summarizeStory(file, analysis));
  }

  if (args.format === 'json') io.stdout(`${formatJson(found)}\n`);
  else if (args.format === 'sarif') io.stdout(`${formatSarif(found, { version: io.version ?? '0.0.0', rules, cwd: io.cwd, executionSuccessful: !failed })}\n`);
  else if (args.format === 'summary') {
    if (args.walkthroughs && io.stat && io.stat(args.walkthroughs) !== 'dir') {
      io.stderr(`star-lint: ${args.walkthroughs}: no such folder\n`);
      failed = true;
    }
    const folders = [
      ...(io.walkthroughsDir ? [{ dir: io.walkthroughsDir, source: 'builtin' as const }] : []),
      ...(args.walkthroughs ? [{ dir: args.walkthroughs, source: 'user' as const }] : []),
    ];
    const loaded = loadWalkthroughFolders(io, folders);
    for (const p of loaded.problems) io.stderr(`star-lint: ${p} (ignored)\n`);
    io.stdout(`${formatSummary(stories, loaded.walkthroughs)}\n`);
  } else if (found.length) io.stdout(`${formatText(found)}\n`);
  if (failed) return 2;
  return found.some((f) => f.finding.severity === 'error') ? 1 : 0;
}

/** Adds the *.star.md files under `dir` to `out`, sorted; returns false when a folder could not be read. */
function collect(io: CliIo, dir: string, out: string[], seen: Set<string>): boolean {
  const key = io.realPath ? safe(() => io.realPath!(dir)) ?? dir : dir;
  if (seen.has(key)) return true; // a symlink loop: already walked
  seen.add(key);
  let names: string[];
  try {
    names = (io.readDir ?? (() => []))(dir).slice().sort();
  } catch (e) {
    io.stderr(`star-lint: cannot read folder ${dir}: ${errorText(e)}\n`);
    return false;
  }
  let ok = true;
  for (const name of names) {
    if (name === 'node_modules' || name === '.git') continue;
    const p = join(dir, name);
    const kind = io.stat ? io.stat(p) : 'file';
    if (kind === 'dir') ok = collect(io, p, out, seen) && ok;
    else if (name.toLowerCase().endsWith('.star.md')) {
      if (kind === 'file') out.push(p);
      else if (kind === 'missing') {
        // A story that is listed but cannot be opened (a dangling link): name it, as for any unreadable file.
        io.stderr(`star-lint: cannot read ${p}: no such file (a broken link?)\n`);
        ok = false;
      }
    }
  }
  return ok;
}

function safe<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch {
    return undefined;
  }
}

function errorText(e: unknown): string {
  const err = e as { code?: string; message?: string };
  if (err && err.code === 'EACCES') return 'permission denied';
  if (err && err.code === 'ENOENT') return 'no such file';
  if (err && err.code === 'EISDIR') return 'is a folder';
  return err?.message ?? String(e);
}
