/** The star-lint executable: wires run() to the real process. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { run } from './main';
import type { EntryKind } from './main';

declare const STAR_VERSION: string;

function stat(p: string): EntryKind {
  try {
    const s = fs.statSync(p);
    return s.isDirectory() ? 'dir' : s.isFile() ? 'file' : 'other';
  } catch (e) {
    return (e as { code?: string }).code === 'ENOENT' ? 'missing' : 'file';
  }
}

void run({
  argv: process.argv.slice(2),
  readFile: (p) => {
    const buf = fs.readFileSync(p);
    return new TextDecoder('utf-8', { fatal: false }).decode(buf);
  },
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  stat,
  readDir: (p) => fs.readdirSync(p),
  realPath: (p) => fs.realpathSync(p),
  cwd: process.cwd(),
  walkthroughsDir: path.join(__dirname, '..', 'walkthroughs'),
  version: typeof STAR_VERSION === 'string' ? STAR_VERSION : '0.0.0',
}).then((code) => {
  process.exitCode = code;
});
