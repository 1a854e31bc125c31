/**
 * The CLI against a real file system: symlink loops, entries that cannot be read, and a promise never to write
 * to its input. `run()` is called in-process with node-fs I/O wired as src/cli/bin.ts wires it; one test spawns
 * dist/cli.js over the same kind of tree.
 */
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { run } from '../../src/cli/main';
import type { CliIo, EntryKind } from '../../src/cli/main';
import { story } from './helpers';

const ROOT = path.join(__dirname, '..', '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');

/** A story with an error finding (no Task), so every linted file shows up in the output. */
const FLAWED = story({ task: null });
const CLEAN = story();

/** node-fs I/O for run(), the same wiring as src/cli/bin.ts, with output captured. */
function nodeIo(argv: string[], cwd: string, faults: { readDir?: (p: string) => void } = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    argv,
    readFile: (p) => new TextDecoder('utf-8', { fatal: false }).decode(fs.readFileSync(p)),
    stdout: (t) => void out.push(t),
    stderr: (t) => void err.push(t),
    stat: (p): EntryKind => {
      try {
        const s = fs.statSync(p);
        return s.isDirectory() ? 'dir' : s.isFile() ? 'file' : 'other';
      } catch (e) {
        return (e as { code?: string }).code === 'ENOENT' ? 'missing' : 'file';
      }
    },
    readDir: (p) => {
      faults.readDir?.(p);
      return fs.readdirSync(p);
    },
    realPath: (p) => fs.realpathSync(p),
    cwd,
    version: '0.0.0-test',
  };
  return { io, out: () => out.join(''), err: () => err.join('') };
}

/** The files named in JSON output, each once. */
function filesIn(jsonOut: string): string[] {
  const findings = JSON.parse(jsonOut) as Array<{ file: string }>;
  return [...new Set(findings.map((f) => f.file))].sort();
}

/** Every regular file and symlink under `dir` with its content hash (or link target) and mtime. */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      const st = fs.lstatSync(p);
      if (e.isSymbolicLink()) out.set(p, `link ${fs.readlinkSync(p)}`);
      else if (e.isDirectory()) {
        out.set(p, `dir ${st.mode}`);
        if (st.mode & 0o444) walk(p);
      } else if (e.isFile()) {
        let hash = 'unreadable';
        try {
          hash = createHash('sha256').update(fs.readFileSync(p)).digest('hex');
        } catch {
          // a chmod-000 file, when not root
        }
        out.set(p, `file ${hash} ${st.size} ${st.mtimeMs} ${st.mode}`);
      } else out.set(p, `other ${st.mode}`);
    }
  };
  walk(dir);
  return out;
}

/**
 * Makes `p` a directory entry that cannot be read. chmod 000 does not stop root (tests often run as root),
 * so when the file can still be read, it becomes a symlink to itself instead: stat and read fail with ELOOP.
 */
function makeUnreadableFile(p: string): 'chmod' | 'symlink loop' {
  fs.writeFileSync(p, FLAWED);
  fs.chmodSync(p, 0o000);
  try {
    fs.readFileSync(p);
  } catch {
    return 'chmod';
  }
  fs.rmSync(p);
  fs.symlinkSync(path.basename(p), p);
  return 'symlink loop';
}

/** True when chmod 000 on a directory stops this process from listing it (false as root). */
function chmodStopsListing(dir: string): boolean {
  const probe = path.join(dir, '.probe');
  fs.mkdirSync(probe);
  fs.chmodSync(probe, 0o000);
  let stops = false;
  try {
    fs.readdirSync(probe);
  } catch {
    stops = true;
  }
  fs.chmodSync(probe, 0o755);
  fs.rmdirSync(probe);
  return stops;
}

describe('star-lint and the file system', function () {
  this.timeout(20000);
  let tmp: string;

  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'star-cli-fs-'));
  });
  afterEach(() => {
    // Undo chmods so the folder can be removed.
    const open = (d: string): void => {
      for (const e of fs.readdirSync(d, { withFileTypes: true })) {
        const p = path.join(d, e.name);
        if (e.isSymbolicLink()) continue;
        fs.chmodSync(p, e.isDirectory() ? 0o755 : 0o644);
        if (e.isDirectory()) open(p);
      }
    };
    try {
      open(tmp);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('terminates on a folder symlink loop and lints each story once', async () => {
    const bank = path.join(tmp, 'bank');
    fs.mkdirSync(path.join(bank, 'team', 'deeper'), { recursive: true });
    fs.writeFileSync(path.join(bank, 'a.star.md'), FLAWED);
    fs.writeFileSync(path.join(bank, 'team', 'deeper', 'b.star.md'), FLAWED);
    fs.symlinkSync('..', path.join(bank, 'team', 'up')); // bank/team/up -> bank
    fs.symlinkSync('../..', path.join(bank, 'team', 'deeper', 'top')); // bank/team/deeper/top -> bank
    fs.symlinkSync(bank, path.join(bank, 'self')); // absolute link to itself
    const t = nodeIo(['--format', 'json', '--no-config', bank], tmp);
    assert.equal(await run(t.io), 1);
    assert.equal(t.err(), '');
    assert.deepEqual(filesIn(t.out()), [path.join(bank, 'a.star.md'), path.join(bank, 'team', 'deeper', 'b.star.md')].map((p) => p.split(path.sep).join('/')).sort());
  });

  it('names an unreadable file on stderr, still lints the others, and exits 2', async function () {
    const bank = path.join(tmp, 'bank');
    fs.mkdirSync(bank);
    fs.writeFileSync(path.join(bank, 'a.star.md'), FLAWED);
    fs.writeFileSync(path.join(bank, 'c.star.md'), FLAWED);
    const locked = path.join(bank, 'b.star.md');
    const how = makeUnreadableFile(locked);
    this.test!.title += ` (${how})`;
    for (const argv of [[bank], [path.join(bank, 'a.star.md'), locked, path.join(bank, 'c.star.md')]]) {
      const t = nodeIo(['--format', 'json', '--no-config', ...argv], tmp);
      assert.equal(await run(t.io), 2, `exit 2 for ${argv.join(' ')}`);
      assert.match(t.err(), new RegExp(`cannot read ${locked.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}`));
      assert.deepEqual(filesIn(t.out()), [path.join(bank, 'a.star.md'), path.join(bank, 'c.star.md')]);
    }
  });

  it('names an unreadable folder on stderr, still lints the others, and exits 2', async function () {
    const bank = path.join(tmp, 'bank');
    const locked = path.join(bank, 'locked');
    fs.mkdirSync(locked, { recursive: true });
    fs.writeFileSync(path.join(bank, 'a.star.md'), FLAWED);
    fs.writeFileSync(path.join(locked, 'hidden.star.md'), FLAWED);
    let faults = {};
    if (chmodStopsListing(tmp)) fs.chmodSync(locked, 0o000);
    else {
      // Root lists any folder: make this one fail the way a chmod-000 folder fails for a normal user.
      this.test!.title += ' (root: listing fails by injection, EACCES)';
      faults = {
        readDir: (p: string) => {
          if (path.resolve(p) === locked) throw Object.assign(new Error(`EACCES: permission denied, scandir '${p}'`), { code: 'EACCES' });
        },
      };
    }
    for (const argv of [[bank], [locked, path.join(bank, 'a.star.md')]]) {
      const t = nodeIo(['--format', 'json', '--no-config', ...argv], tmp, faults);
      assert.equal(await run(t.io), 2);
      assert.match(t.err(), /cannot read folder .*locked: permission denied/);
      assert.deepEqual(filesIn(t.out()), [path.join(bank, 'a.star.md')]);
    }
  });

  it('names a dangling *.star.md link inside a folder and exits 2', async () => {
    const bank = path.join(tmp, 'bank');
    fs.mkdirSync(bank);
    fs.writeFileSync(path.join(bank, 'a.star.md'), FLAWED);
    fs.symlinkSync(path.join(tmp, 'gone.star.md'), path.join(bank, 'b.star.md'));
    const t = nodeIo(['--format', 'json', '--no-config', bank], tmp);
    assert.equal(await run(t.io), 2);
    assert.match(t.err(), /cannot read .*b\.star\.md/);
    assert.deepEqual(filesIn(t.out()), [path.join(bank, 'a.star.md').split(path.sep).join('/')]);
  });

  it('never writes to its input (every file hashed before and after)', async () => {
    const bank = path.join(tmp, 'bank');
    fs.mkdirSync(path.join(bank, 'sub'), { recursive: true });
    fs.writeFileSync(path.join(bank, 'a.star.md'), FLAWED);
    fs.writeFileSync(path.join(bank, 'b.star.md'), CLEAN.replace(/\n/g, '\r\n'));
    fs.writeFileSync(path.join(bank, 'sub', 'c.star.md'), '\ufeff' + story({ result: 'Things got better.' }));
    fs.writeFileSync(path.join(bank, 'sub', 'notes.md'), 'not a story');
    fs.writeFileSync(path.join(tmp, '.starlint.yaml'), 'level: senior\nrules:\n  hedging: off\n');
    fs.symlinkSync('..', path.join(bank, 'sub', 'up'));
    const before = snapshot(tmp);
    for (const format of ['text', 'json']) {
      const t = nodeIo(['--format', format, bank], tmp);
      assert.equal(await run(t.io), 1);
    }
    assert.deepEqual(snapshot(tmp), before);
  });

  it('dist/cli.js (spawned): loops, an unreadable file and a FIFO; exit 2, the rest linted, nothing written', function () {
    if (!fs.existsSync(CLI)) this.skip(); // needs `npm run build`
    const bank = path.join(tmp, 'bank');
    fs.mkdirSync(path.join(bank, 'team'), { recursive: true });
    fs.writeFileSync(path.join(bank, 'a.star.md'), FLAWED);
    fs.writeFileSync(path.join(bank, 'team', 'b.star.md'), FLAWED);
    fs.symlinkSync('..', path.join(bank, 'team', 'loop'));
    const locked = path.join(bank, 'team', 'locked.star.md');
    makeUnreadableFile(locked);
    // A FIFO named like a story: reading it would block forever, so the folder walk must pass it by.
    let fifo = false;
    try {
      execFileSync('mkfifo', [path.join(bank, 'pipe.star.md')]);
      fifo = true;
    } catch {
      // no mkfifo here: the rest of the test still holds
    }
    const before = snapshot(tmp);
    const p = spawnSync(process.execPath, [CLI, '--format', 'json', bank], { cwd: tmp, encoding: 'utf8', timeout: 15000 });
    assert.equal(p.error, undefined, `the CLI did not finish: ${String(p.error)}`);
    assert.equal(p.status, 2, p.stderr);
    assert.match(p.stderr, /cannot read .*locked\.star\.md/);
    assert.deepEqual(filesIn(p.stdout), [path.join(bank, 'a.star.md'), path.join(bank, 'team', 'b.star.md')]);
    assert.deepEqual(snapshot(tmp), before);
    if (fifo) assert.doesNotMatch(p.stderr, /pipe\.star\.md/);
  });
});
