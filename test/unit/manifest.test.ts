/**
 * The project checks itself: package.json's contributions against the code, the files they name, and the
 * rule registry against the docs and the README.
 */
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { rules } from '../../src/core';

const ROOT = join(__dirname, '..', '..', '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const contributes = pkg.contributes ?? {};

/** Every .ts file under a folder of the repo. */
function sources(dir: string): Array<{ file: string; text: string }> {
  const out: Array<{ file: string; text: string }> = [];
  const walk = (d: string): void => {
    if (!existsSync(d)) return;
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.ts')) out.push({ file: relative(ROOT, full), text: readFileSync(full, 'utf8') });
    }
  };
  walk(join(ROOT, dir));
  return out;
}
const hostSources = [...sources('src/extension'), ...sources('src/webview').filter((s) => !s.file.includes(`${join('webview', 'page')}`))];

const contributedCommands: string[] = (contributes.commands ?? []).map((c: { command: string }) => c.command);

/** Asserts that a path named by the manifest exists, relative to the repo root. */
function assertFile(path: string, what: string): void {
  assert.ok(existsSync(join(ROOT, path)), `${what}: ${path} does not exist`);
}

describe('manifest (package.json)', () => {
  it('contributes commands in the STAR category with ids star.verbNoun', () => {
    assert.ok(contributedCommands.length >= 8);
    for (const c of contributes.commands) {
      assert.match(c.command, /^star\.[a-z]+[A-Za-z]*$/, c.command);
      assert.equal(c.category, 'STAR', c.command);
      assert.ok(c.title && !c.title.startsWith('STAR'), `${c.command}: the category supplies the "STAR: " prefix`);
    }
  });

  it('has a registered handler for every contributed command, and contributes every registered one', () => {
    const registered = new Set<string>();
    for (const { text } of hostSources) {
      if (!text.includes('registerCommand')) continue;
      for (const m of text.matchAll(/registerCommand\(\s*['"`](star\.[\w.]+)['"`]/g)) registered.add(m[1]);
      // The handlers map of commands.ts: `'star.x': handler`, registered in a loop.
      for (const m of text.matchAll(/^\s*['"](star\.[\w.]+)['"]\s*:/gm)) registered.add(m[1]);
    }
    const missing = contributedCommands.filter((c) => !registered.has(c));
    assert.deepEqual(missing, [], `contributed commands with no handler in src/extension or src/webview`);
    const extra = [...registered].filter((c) => !contributedCommands.includes(c));
    assert.deepEqual(extra, [], 'registered star.* commands missing from contributes.commands');
  });

  it('reads every star.* setting somewhere in the extension host (src/extension, src/webview)', () => {
    const text = hostSources.map((s) => s.text).join('\n');
    const settings = Object.keys(contributes.configuration?.properties ?? {});
    assert.deepEqual(settings.sort(), ['star.level', 'star.lintOn', 'star.rules', 'star.walkthroughsFolder', 'star.wordsPerMinute']);
    for (const key of settings) {
      const short = key.slice('star.'.length);
      const read = new RegExp(`(?:get|inspect|pick)(?:<[^>]*>)?\\(\\s*['"]${short}['"]|['"]${key.replace('.', '\\.')}['"]`);
      assert.match(text, read, `${key} is never read in src/extension or src/webview`);
    }
  });

  it('lists every rule id under star.rules, with its severities', () => {
    const props = contributes.configuration.properties['star.rules'].properties ?? {};
    assert.deepEqual(Object.keys(props).sort(), rules.map((r) => r.id).sort());
    for (const [id, p] of Object.entries(props) as Array<[string, { enum: string[] }]>) assert.deepEqual(p.enum, ['off', 'hint', 'info', 'warning', 'error'], id);
  });

  it('names only files that exist: language configuration, icons, grammar, snippets', () => {
    assertFile(pkg.icon, 'icon');
    assert.match(pkg.icon, /\.png$/, 'the Marketplace wants a PNG icon');
    const png = readFileSync(join(ROOT, pkg.icon));
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128], 'the icon is 128x128');
    for (const lang of contributes.languages) {
      assert.equal(lang.id, 'star');
      assert.deepEqual(lang.extensions, ['.star.md']);
      assertFile(lang.configuration, 'language configuration');
      JSON.parse(readFileSync(join(ROOT, lang.configuration), 'utf8'));
      assertFile(lang.icon.light, 'language icon');
      assertFile(lang.icon.dark, 'language icon');
    }
    for (const g of contributes.grammars) {
      assertFile(g.path, 'grammar');
      assert.equal(JSON.parse(readFileSync(join(ROOT, g.path), 'utf8')).scopeName, g.scopeName);
      assert.equal(g.language, 'star');
    }
    for (const s of contributes.snippets) {
      assertFile(s.path, 'snippets');
      JSON.parse(readFileSync(join(ROOT, s.path), 'utf8'));
    }
    for (const v of contributes.views?.explorer ?? []) if (v.icon) assertFile(v.icon, `view ${v.id} icon`);
  });

  it('walkthrough steps name existing media, their images exist, and they complete on contributed commands', () => {
    const steps = contributes.walkthroughs.flatMap((w: { steps: unknown[] }) => w.steps) as Array<{ id: string; media: Record<string, unknown>; completionEvents?: string[]; description: string }>;
    assert.deepEqual(steps.map((s) => s.id), ['create-story', 'fix-finding', 'open-panel', 'run-cli']);
    for (const step of steps) {
      const media = step.media;
      for (const key of ['markdown', 'svg', 'image'] as const) {
        const value = media[key];
        if (typeof value === 'string') assertFile(value, `step ${step.id} ${key}`);
        else if (value && typeof value === 'object') for (const p of Object.values(value)) assertFile(String(p), `step ${step.id} ${key}`);
      }
      if (typeof media.markdown === 'string') {
        const md = readFileSync(join(ROOT, media.markdown), 'utf8');
        for (const m of md.matchAll(/!\[[^\]]*\]\(([^)\s]+)/g)) {
          if (/^[a-z]+:/.test(m[1])) continue;
          const target = relative(ROOT, resolve(ROOT, dirname(media.markdown), m[1]));
          assertFile(target, `image in ${media.markdown}`);
        }
      }
      for (const e of step.completionEvents ?? []) {
        const cmd = /^onCommand:(.+)$/.exec(e)?.[1];
        if (cmd) assert.ok(contributedCommands.includes(cmd), `${step.id} completes on ${cmd}, which is not contributed`);
      }
      for (const m of step.description.matchAll(/\(command:([\w.]+)\)/g)) assert.ok(contributedCommands.includes(m[1]), `${step.id} links ${m[1]}`);
    }
  });

  it('menus name contributed commands and the contributed view', () => {
    const views = (contributes.views?.explorer ?? []).map((v: { id: string }) => v.id);
    assert.ok(views.includes('starStories.bank'));
    for (const [menu, items] of Object.entries(contributes.menus ?? {}) as Array<[string, Array<{ command: string; when?: string }>]>) {
      for (const item of items) {
        assert.ok(contributedCommands.includes(item.command), `${menu}: ${item.command}`);
        for (const m of (item.when ?? '').matchAll(/view == ([\w.]+)/g)) assert.ok(views.includes(m[1]), `${menu}: view ${m[1]}`);
      }
    }
  });

  it('activates only where needed and declares its trust honestly', () => {
    assert.deepEqual([...pkg.activationEvents].sort(), ['onLanguage:star', 'onWebviewPanel:star.walkthrough', 'workspaceContains:**/*.star.md']);
    const trust = pkg.capabilities.untrustedWorkspaces;
    assert.ok(trust.supported === true || (trust.supported === 'limited' && trust.restrictedConfigurations.every((k: string) => k in contributes.configuration.properties)));
    assert.equal(typeof pkg.capabilities.virtualWorkspaces, 'boolean');
    assert.equal(pkg.main, './dist/extension.js');
  });

  it('ships the rule docs and the files the extension reads in the .vsix', () => {
    const ignore = readFileSync(join(ROOT, '.vscodeignore'), 'utf8').split(/\r?\n/);
    for (const folder of ['dist/extension.js', 'syntaxes/**', 'snippets/**', 'walkthroughs/**', 'data/**', 'media/**', 'docs/rules/**', 'language-configuration.json', 'LICENSE', 'README.md']) {
      assert.ok(ignore.includes(`!${folder}`), `.vscodeignore does not ship ${folder}`);
    }
  });
});

describe('rule docs', () => {
  it('every rule has docs/rules/<id>.md', () => {
    const missing = rules.map((r) => r.id).filter((id) => !existsSync(join(ROOT, 'docs', 'rules', `${id}.md`)));
    assert.deepEqual(missing, []);
  });

  it("every rule is listed in README.md's rule table", () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const rows = new Set([...readme.matchAll(/^\|\s*\[?`([a-z0-9-]+)`\]?/gm)].map((m) => m[1]));
    const missing = rules.map((r) => r.id).filter((id) => !rows.has(id));
    assert.deepEqual(missing, [], "rules missing from README.md's rule table (rows starting `| `rule-id``)");
  });
});
