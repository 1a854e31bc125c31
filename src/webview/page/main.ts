/**
 * The walkthrough page (browser script, bundled to dist/webview/main.js). It renders the host's view
 * model and sends user actions back; it computes nothing the core knows. Every piece of text from the
 * model goes into the DOM through `textContent`: no innerHTML, no URLs from data, no eval.
 */
import { isToWebview } from '../protocol';
import type { FromWebview, PageState, ToWebview } from '../protocol';
import type { PanelViewModel, ViewFinding, ViewFollowUp, ViewLens, ViewQuizItem, ViewStep } from '../../core/walkthroughs/viewModel';
import type { Range } from '../../core/model';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const root = document.getElementById('root') ?? document.body;
let state: PageState = readState(vscode.getState());

/** Keeps only the state shapes this page writes (the serializer may hand back anything). */
function readState(raw: unknown): PageState {
  const out: PageState = { open: {}, quiz: {} };
  if (typeof raw !== 'object' || raw === null) return out;
  const r = raw as Record<string, unknown>;
  if (typeof r.documentUri === 'string') out.documentUri = r.documentUri;
  if (typeof r.open === 'object' && r.open !== null) {
    for (const [k, v] of Object.entries(r.open)) if (typeof v === 'boolean') out.open![k] = v;
  }
  if (typeof r.quiz === 'object' && r.quiz !== null) {
    for (const [id, answers] of Object.entries(r.quiz)) {
      if (typeof answers !== 'object' || answers === null) continue;
      const a: Record<string, number> = {};
      for (const [q, c] of Object.entries(answers)) if (typeof c === 'number' && Number.isInteger(c)) a[q] = c;
      out.quiz![id] = a;
    }
  }
  return out;
}

function save(): void {
  vscode.setState(state);
}

function post(message: FromWebview): void {
  vscode.postMessage(message);
}

// DOM helpers ------------------------------------------------------------------------------------

type Child = Node | string | null | undefined | false;

// Attributes that could load or run something are never set, whatever the caller passes.
const UNSAFE_ATTR = /^(?:on|href|src|srcdoc|style|action|formaction|xlink|background|poster|data$)/i;

/** Creates an element with safe attributes and children; strings become text nodes. */
function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string | boolean | undefined> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false || UNSAFE_ATTR.test(name)) continue;
    if (name === 'class') el.className = String(value);
    else el.setAttribute(name, value === true ? '' : value);
  }
  append(el, ...children);
  return el;
}

function append(el: Element, ...children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
  }
}

/** A button that runs `onClick`; `focusKey` lets focus survive a re-render. */
function button(label: Child[], onClick: () => void, attrs: Record<string, string | boolean | undefined> = {}): HTMLButtonElement {
  const b = h('button', { type: 'button', ...attrs }, ...label);
  b.addEventListener('click', onClick);
  return b;
}

/** A collapsible section whose open state is remembered. */
function details(key: string, summary: Child[], body: Child[], openByDefault = false, cls = ''): HTMLDetailsElement {
  const d = h('details', { class: cls, 'data-key': key });
  const open = state.open?.[key];
  d.open = open ?? openByDefault;
  d.appendChild(h('summary', { 'data-focus-key': `summary:${key}` }, ...summary));
  append(d, ...body);
  d.addEventListener('toggle', () => {
    state.open = { ...(state.open ?? {}), [key]: d.open };
    save();
  });
  return d;
}

function reveal(range: Range): void {
  post({ type: 'reveal', range });
}

const clampPct = (x: number): number => Math.max(0, Math.min(100, x));

/** Draft seconds against a target, as a bar with a target marker and a text label. */
function timeBar(draft: number, target: number, over: boolean, label: string): HTMLElement {
  const scale = Math.max(target * 1.6, draft, 1);
  const fill = h('div', { class: `timebar-fill${over ? ' over' : draft > target ? ' near' : ''}` });
  fill.style.width = `${clampPct((draft / scale) * 100)}%`;
  const marker = h('div', { class: 'timebar-target', title: `Target: ${target} s` });
  marker.style.left = `${clampPct((target / scale) * 100)}%`;
  const text = `${label}: ${draft} s of ${target} s${over ? ' (over time)' : ''}`;
  return h('div', { class: 'timebar', role: 'img', 'aria-label': text },
    h('div', { class: 'timebar-track' }, fill, marker),
    h('span', { class: 'timebar-text', 'aria-hidden': 'true' }, `${draft} s / ${target} s`),
  );
}

const SEVERITY_MARK: Record<string, string> = { error: '✕', warning: '⚠', info: 'ℹ', hint: '…' };

function findingList(findings: readonly ViewFinding[], keyPrefix: string): HTMLElement | null {
  if (findings.length === 0) return null;
  return h('ul', { class: 'findings', 'aria-label': 'Findings' }, ...findings.map((f, i) => h('li', {},
    button([
      h('span', { class: 'sev-mark', 'aria-hidden': 'true' }, SEVERITY_MARK[f.severity] ?? '•'),
      h('span', { class: 'visually-hidden' }, `${f.severity}: `),
      h('span', { class: 'finding-message' }, f.message),
      h('span', { class: 'finding-rule' }, f.ruleId),
    ], () => reveal(f.range), { class: `finding sev-${f.severity}`, title: 'Show in the story', 'data-focus-key': `${keyPrefix}:finding:${i}` }),
  )));
}

// Sections ---------------------------------------------------------------------------------------

function header(m: PanelViewModel): HTMLElement {
  const story = m.story;
  return h('header', { class: 'header' },
    h('div', { class: 'eyebrow' }, `Walkthrough · ${m.source === 'user' ? 'from your folder' : 'built-in'} · `, h('code', { class: 'walkthrough-id' }, m.walkthroughId)),
    h('h1', { class: 'question' }, m.question),
    h('ul', { class: 'chips', 'aria-label': 'Leadership Principles' }, ...m.principles.map((p) => h('li', { class: story.principles.includes(p) ? 'chip in-story' : 'chip' }, p))),
    h('p', { class: 'lead-with' }, h('strong', {}, 'Lead with: '), m.leadWith),
    h('div', { class: 'why-matched' },
      h('p', {}, h('strong', {}, 'Why this walkthrough: '), m.match.explanation),
      story.question && story.question !== m.question ? h('p', { class: 'story-question' }, h('strong', {}, 'Your question: '), story.question) : null,
      story.principles.some((p) => !m.principles.includes(p))
        ? h('p', { class: 'story-question' }, h('strong', {}, 'Your principles: '), story.principles.join(', '))
        : null,
      h('div', { class: 'actions' },
        button(['Pick another walkthrough'], () => post({ type: 'pickWalkthrough' }), { class: 'primary', 'data-focus-key': 'pick' }),
        m.alternatives.length ? h('span', { class: 'also-close' }, 'Also close:') : null,
        ...m.alternatives.map((a) => button([a.question], () => post({ type: 'pickWalkthrough', id: a.id }), { class: 'secondary', title: `Switch to ${a.id}`, 'data-focus-key': `alt:${a.id}` })),
      ),
    ),
  );
}

function stepCard(m: PanelViewModel, s: ViewStep): HTMLElement {
  const key = `${m.walkthroughId}:${s.step}`;
  return h('article', { class: `step-card${s.present ? '' : ' missing'}`, 'data-step': s.step, 'aria-labelledby': `step-${s.step}` },
    h('div', { class: 'step-head' },
      h('h3', { id: `step-${s.step}` }, s.label),
      s.present && s.headingRange
        ? button(['Go to step'], () => reveal(s.headingRange!), { class: 'link', 'data-focus-key': `${key}:goto` })
        : h('span', { class: 'badge warn' }, 'Not in your story'),
    ),
    timeBar(s.draftSeconds, s.targetSeconds, s.overTime, `${s.label} spoken time`),
    findingList(s.findings, key),
    h('p', { class: 'coaching' }, s.coaching),
    h('div', { class: 'mistake' }, h('strong', {}, 'Common mistake: '), s.mistake),
    h('ul', { class: 'signals', 'aria-label': 'Signals of a strong answer' }, ...s.signals.map((sig) => h('li', {
      class: `signal ${sig.shown ? 'shown' : 'not-shown'}`,
      title: sig.method === 'check' ? 'Decided by the linter\'s own check' : sig.method === 'cues' ? 'Decided by cue phrases in this step' : 'Nothing can check this one: judge it yourself',
    },
    h('span', { class: 'signal-mark', 'aria-hidden': 'true' }, sig.shown ? '✓' : '○'),
    h('span', { class: 'visually-hidden' }, sig.shown ? 'Shown: ' : 'Not shown yet: '),
    sig.text))),
    details(`${key}:example`, ['Strong example'], [h('p', { class: 'example' }, s.example)], false, 'example-box'),
  );
}

/** The strong answer with its key phrase marked (split by text, never parsed as markup). */
function withKeyPhrase(text: string, phrase: string): Child[] {
  const i = phrase ? text.toLowerCase().indexOf(phrase.toLowerCase()) : -1;
  if (i < 0) return [text];
  return [text.slice(0, i), h('mark', {}, text.slice(i, i + phrase.length)), text.slice(i + phrase.length)];
}

function followUp(m: PanelViewModel, f: ViewFollowUp, i: number): HTMLElement {
  const status = f.answered ? 'Answered in your story' : f.storyHeading ? 'Asked, no answer yet' : 'Not in your story';
  return details(`${m.walkthroughId}:followup:${i}`, [
    h('span', { class: 'probe' }, f.probe),
    h('span', { class: `badge ${f.answered ? 'ok' : 'muted'}` }, f.answered ? `✓ ${status}` : status),
  ], [
    h('p', { class: 'probes' }, h('strong', {}, 'What it tests: '), f.probes),
    h('div', { class: 'answer weak' }, h('div', { class: 'answer-label' }, 'Weak answer'), h('blockquote', {}, f.weak), h('p', { class: 'weak-why' }, f.weakWhy)),
    h('div', { class: 'answer strong' }, h('div', { class: 'answer-label' }, 'Strong answer'), h('blockquote', {}, ...withKeyPhrase(f.strong, f.keyPhrase)),
      h('p', { class: 'key-phrase' }, h('strong', {}, 'Key phrase: '), f.keyPhrase)),
    f.storyHeading ? button(['Go to your answer'], () => reveal(f.storyHeading!.range), { class: 'link', 'data-focus-key': `${m.walkthroughId}:fu-goto:${i}` }) : null,
  ], false, 'followup');
}

function lens(l: ViewLens): HTMLElement {
  return h('article', { class: `lens${l.inStory ? ' in-story' : ''}` },
    h('h3', {}, l.principle),
    h('dl', {},
      h('dt', {}, 'Lead with'), h('dd', {}, l.leadWith),
      h('dt', {}, 'Emphasize'), h('dd', {}, l.emphasize),
      h('dt', {}, 'Play down'), h('dd', {}, l.playDown),
    ),
  );
}

function quizItem(m: PanelViewModel, q: ViewQuizItem, i: number): HTMLElement {
  const answers = state.quiz?.[m.walkthroughId] ?? {};
  const chosen = typeof answers[String(i)] === 'number' ? answers[String(i)] : q.chosen;
  const id = `quiz-${i}`;
  const box = h('div', { class: 'quiz-item', role: 'group', 'aria-labelledby': id });
  box.appendChild(h('p', { class: 'quiz-question', id }, q.question));
  const options = h('div', { class: 'quiz-options' });
  q.options.forEach((opt, k) => {
    const picked = chosen === k;
    const cls = ['quiz-option', picked ? 'picked' : '', chosen !== undefined && k === q.answer ? 'right' : '', picked && k !== q.answer ? 'wrong' : ''].filter(Boolean).join(' ');
    options.appendChild(button([opt], () => choose(m, i, k), { class: cls, 'aria-pressed': picked ? 'true' : 'false', 'data-focus-key': `${m.walkthroughId}:quiz:${i}:${k}` }));
  });
  box.appendChild(options);
  if (chosen !== undefined) {
    const right = chosen === q.answer;
    box.appendChild(h('p', { class: `quiz-feedback ${right ? 'right' : 'wrong'}`, role: 'status' },
      h('strong', {}, right ? '✓ Right. ' : '✕ Not quite. '), q.why));
  }
  return box;
}

function choose(m: PanelViewModel, question: number, choice: number): void {
  const quiz = { ...(state.quiz ?? {}) };
  quiz[m.walkthroughId] = { ...(quiz[m.walkthroughId] ?? {}), [String(question)]: choice };
  state = { ...state, quiz };
  save();
  post({ type: 'quizAnswer', walkthroughId: m.walkthroughId, question, choice });
  render(m);
}

function section(id: string, title: string, ...children: Child[]): HTMLElement {
  return h('section', { class: `section ${id}`, 'aria-labelledby': `h-${id}` }, h('h2', { id: `h-${id}` }, title), ...children);
}

// Rendering --------------------------------------------------------------------------------------

function render(m: PanelViewModel): void {
  const focusKey = (document.activeElement as HTMLElement | null)?.getAttribute?.('data-focus-key');
  const lv = m.level;
  const main = h('div', { class: 'panel' },
    header(m),
    section('steps', 'Steps', ...m.steps.map((s) => stepCard(m, s))),
    m.otherFindings.length ? section('other', 'Other findings', findingList(m.otherFindings, 'other')) : null,
    section('followups', 'Follow-up probes', ...m.followUps.map((f, i) => followUp(m, f, i))),
    section('lenses', 'Lenses', h('div', { class: 'lens-grid' }, ...m.lenses.map(lens))),
    section('level', `Level: ${lv.label}`,
      timeBar(lv.draftSeconds, lv.lengthSeconds, lv.overTime, 'Whole answer'),
      h('p', {}, h('strong', {}, 'Focus: '), lv.focus),
      h('p', {}, h('strong', {}, 'The bar: '), lv.bar),
    ),
    section('quiz', 'Quiz', ...m.quiz.map((q, i) => quizItem(m, q, i))),
  );
  root.replaceChildren(main);
  if (focusKey) {
    for (const el of Array.from(root.querySelectorAll<HTMLElement>('[data-focus-key]'))) {
      if (el.getAttribute('data-focus-key') === focusKey) {
        el.focus();
        break;
      }
    }
  }
}

function renderEmpty(reason: string, canPick: boolean): void {
  root.replaceChildren(h('div', { class: 'empty' },
    h('p', {}, reason),
    canPick ? button(['Pick a walkthrough'], () => post({ type: 'pickWalkthrough' }), { class: 'primary', 'data-focus-key': 'pick' }) : null,
  ));
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const msg = event.data;
  if (!isToWebview(msg)) return;
  const m = msg as ToWebview;
  if (m.type === 'update') {
    if (m.documentUri && m.documentUri !== state.documentUri) {
      state = { ...state, documentUri: m.documentUri };
      save();
    }
    try {
      render(m.model);
    } catch (e) {
      renderEmpty(`The panel could not show this walkthrough: ${e instanceof Error ? e.message : String(e)}`, true);
    }
  } else {
    renderEmpty(m.reason, m.canPick ?? false);
  }
});

post({ type: 'ready' });
