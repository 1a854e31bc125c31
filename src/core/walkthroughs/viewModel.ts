/**
 * The panel's view model: everything the webview shows, computed here so the page only renders.
 * Plain JSON (no functions, no classes), safe to post to the webview.
 */
import { analyze } from '../engine';
import type { Analysis, AnalyzeOptions } from '../engine';
import { STEPS } from '../model';
import type { Finding, Level, Range, SectionName, Severity, StarConfig, StepName } from '../model';
import { Mask } from '../parse';
import type { StarDocument } from '../parse';
import { stepLabel } from '../vocabulary';
import { walkthroughTargets } from './load';
import { matchProbes, matchWalkthrough, rankWalkthroughs } from './match';
import type { MatchReason, StoryKeys, WalkthroughMatch } from './match';
import { signalShown } from './signals';
import type { SignalMethod } from './signals';
import type { Walkthrough, WalkthroughSource, WalkthroughFollowUp } from './types';

/** A finding as the panel lists it. */
export interface ViewFinding {
  ruleId: string;
  severity: Severity;
  message: string;
  range: Range;
}

/** A signal with whether the story shows it. */
export interface ViewSignal {
  text: string;
  shown: boolean;
  /** `check`: the linter's detector decided; `cues`: a cue phrase; `none`: nothing can decide it. */
  method: SignalMethod;
}

/** One step card. */
export interface ViewStep {
  step: StepName;
  label: string;
  /** The step heading is in the story. */
  present: boolean;
  targetSeconds: number;
  /** Spoken seconds of the story's draft of this step, rounded. */
  draftSeconds: number;
  overTime: boolean;
  findings: ViewFinding[];
  coaching: string;
  mistake: string;
  signals: ViewSignal[];
  example: string;
  headingRange?: Range;
}

/** A follow-up probe, and whether the story answers it. */
export interface ViewFollowUp extends WalkthroughFollowUp {
  /** The story's Follow-ups has a heading asking this probe with a non-empty answer under it. */
  answered: boolean;
  /** The story's heading for this probe, when it has one. */
  storyHeading?: { text: string; range: Range };
}

/** A principle's lens. */
export interface ViewLens {
  principle: string;
  leadWith: string;
  emphasize: string;
  playDown: string;
  /** The story names this principle. */
  inStory: boolean;
}

/** The bar at the story's level. */
export interface ViewLevel {
  level: Level;
  label: string;
  focus: string;
  bar: string;
  lengthSeconds: number;
  /** Spoken seconds of the five steps, rounded. */
  draftSeconds: number;
  overTime: boolean;
}

/** A quiz question. */
export interface ViewQuizItem {
  question: string;
  options: string[];
  answer: number;
  why: string;
  /** The option chosen earlier, if the host remembers one. */
  chosen?: number;
}

/** Everything the panel shows for one story and its walkthrough. */
export interface PanelViewModel {
  walkthroughId: string;
  source: WalkthroughSource;
  file: string;
  /** The walkthrough's question. */
  question: string;
  principles: string[];
  leadWith: string;
  match: { reason: MatchReason; score: number; explanation: string };
  story: { title?: string; question?: string; principles: string[]; level: Level };
  steps: ViewStep[];
  /** Findings that belong to no step (front matter, follow-ups, the whole file). */
  otherFindings: ViewFinding[];
  followUps: ViewFollowUp[];
  lenses: ViewLens[];
  level: ViewLevel;
  quiz: ViewQuizItem[];
  /** Other close walkthroughs, for a quick switch. */
  alternatives: Array<{ id: string; question: string }>;
}

/** Options for building the view model. */
export interface ViewModelOptions {
  /** Quiz answers remembered by the host, by question index. */
  quizAnswers?: Readonly<Record<number, number>>;
}

const LEVEL_LABEL: Record<Level, string> = { sde1: 'SDE I', sde2: 'SDE II', senior: 'Senior' };

const toView = (f: Finding): ViewFinding => ({ ruleId: f.ruleId, severity: f.severity, message: f.message, range: f.range });

/** True when the text between two offsets holds something a person would say (not blank, not a comment). */
function hasAnswer(doc: StarDocument, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    if (doc.mask[i] !== Mask.Silent && !/\s/.test(doc.text[i])) return true;
  }
  return false;
}

/** The matcher's view of a story: its walkthrough id, question and principles. */
export function storyKeys(analysis: Analysis, pinned?: string): StoryKeys {
  const fm = analysis.doc.frontMatter;
  return {
    ...(fm?.walkthrough ? { walkthrough: fm.walkthrough } : {}),
    ...(fm?.question ? { question: fm.question } : {}),
    principles: analysis.principles,
    ...(pinned ? { pinned } : {}),
  };
}

/** Builds the panel's view model for an analyzed story and its matched walkthrough. */
export function buildViewModel(analysis: Analysis, match: WalkthroughMatch, walkthroughs: readonly Walkthrough[], options: ViewModelOptions = {}): PanelViewModel {
  const w = match.walkthrough;
  const { doc } = analysis;
  const bySection = new Map<SectionName | null, ViewFinding[]>();
  for (const f of analysis.findings) {
    const list = bySection.get(f.section) ?? [];
    list.push(toView(f));
    bySection.set(f.section, list);
  }

  const steps: ViewStep[] = STEPS.map((step) => {
    const report = analysis.steps.find((s) => s.step === step);
    const ws = w.steps[step];
    return {
      step,
      label: stepLabel(step),
      present: report?.present ?? false,
      targetSeconds: report?.targetSeconds ?? ws.targetSeconds,
      draftSeconds: Math.round(report?.seconds ?? 0),
      overTime: report?.overTime ?? false,
      findings: bySection.get(step) ?? [],
      coaching: ws.coaching,
      mistake: ws.mistake,
      signals: ws.signals.map((sig) => {
        const { shown, method } = signalShown(sig, doc, step);
        return { text: sig.text, shown, method };
      }),
      example: ws.example,
      ...(report?.headingRange ? { headingRange: report.headingRange } : {}),
    };
  });

  const otherFindings = [...(bySection.get('frontmatter') ?? []), ...(bySection.get('followups') ?? []), ...(bySection.get(null) ?? [])];

  const probes = doc.step('followups')?.probes ?? [];
  const paired = matchProbes(probes.map((p) => p.question), w, walkthroughs);
  const followUps: ViewFollowUp[] = w.followUps.map((f, i) => {
    const p = paired[i] >= 0 ? probes[paired[i]] : undefined;
    return {
      probe: f.probe,
      probes: f.probes,
      weak: f.weak,
      weakWhy: f.weakWhy,
      strong: f.strong,
      keyPhrase: f.keyPhrase,
      answered: p ? hasAnswer(doc, p.answerStart, p.answerEnd) : false,
      ...(p ? { storyHeading: { text: p.question, range: doc.range(p.headingStart, p.headingEnd) } } : {}),
    };
  });

  const named = w.lenses.filter((l) => analysis.principles.includes(l.principle));
  const lenses: ViewLens[] = (named.length > 0 ? named : w.lenses).map((l) => ({ ...l, inStory: analysis.principles.includes(l.principle) }));

  const lv = w.levels[analysis.level];
  const level: ViewLevel = {
    level: analysis.level,
    label: LEVEL_LABEL[analysis.level],
    focus: lv.focus,
    bar: lv.bar,
    lengthSeconds: lv.lengthSeconds,
    draftSeconds: Math.round(analysis.totalSeconds),
    overTime: analysis.totalSeconds > lv.lengthSeconds,
  };

  const answers = options.quizAnswers ?? {};
  const quiz: ViewQuizItem[] = w.quiz.map((q, i) => {
    const chosen = answers[i];
    return {
      question: q.question,
      options: [...q.options],
      answer: q.answer,
      why: q.why,
      ...(Number.isInteger(chosen) && chosen >= 0 && chosen < q.options.length ? { chosen } : {}),
    };
  });

  const keys = storyKeys(analysis);
  const alternatives = rankWalkthroughs(keys, walkthroughs)
    .filter((m) => m.walkthrough.id !== w.id && m.reason !== 'none')
    .slice(0, 3)
    .map((m) => ({ id: m.walkthrough.id, question: m.walkthrough.question }));

  return {
    walkthroughId: w.id,
    source: w.source,
    file: w.file,
    question: w.question,
    principles: [...w.principles],
    leadWith: w.leadWith,
    match: { reason: match.reason, score: Math.round(match.score * 100) / 100, explanation: match.explanation },
    story: {
      ...(doc.title ? { title: doc.title } : {}),
      ...(keys.question ? { question: keys.question } : {}),
      principles: [...analysis.principles],
      level: analysis.level,
    },
    steps,
    otherFindings,
    followUps,
    lenses,
    level,
    quiz,
    alternatives,
  };
}

/** Options for building the panel for a story. */
export interface PanelOptions {
  config?: Partial<StarConfig>;
  /** A walkthrough id the user picked for this story. */
  pinned?: string;
  /** Remembered quiz answers, by walkthrough id, then by question index. */
  quizAnswers?: Readonly<Record<string, Readonly<Record<number, number>> | undefined>>;
}

/** The panel for a story: the analysis, the match and the view model, or why there is none. */
export interface StoryPanel {
  analysis: Analysis;
  match?: WalkthroughMatch;
  model?: PanelViewModel;
  /** Set when there is no model: what the panel says instead. */
  reason?: string;
}

/**
 * Analyzes a story, matches its walkthrough and builds the view model. When the match is a user
 * walkthrough with its own spoken-time targets, the story is analyzed again with them.
 */
export function panelForStory(text: string, walkthroughs: readonly Walkthrough[], options: PanelOptions = {}): StoryPanel {
  const base: AnalyzeOptions = options.config ? { config: options.config } : {};
  let analysis = analyze(text, base);
  const match = matchWalkthrough(storyKeys(analysis, options.pinned), walkthroughs);
  if (!match) {
    const reason = walkthroughs.length === 0
      ? 'No walkthroughs are loaded. If a walkthrough file failed to load, its problem is listed in the Output panel.'
      : 'No walkthrough matches this story yet. Add a `question:` or `principles:` to its front matter, or pick a walkthrough.';
    return { analysis, reason };
  }
  const targets = walkthroughTargets(match.walkthrough);
  if (targets) analysis = analyze(text, { ...base, targets });
  const quizAnswers = options.quizAnswers?.[match.walkthrough.id];
  return { analysis, match, model: buildViewModel(analysis, match, walkthroughs, quizAnswers ? { quizAnswers } : {}) };
}

/** The 0-based line of the front matter's `question:` key (else `walkthrough:`), for a code lens; undefined when absent. */
export function questionLine(doc: StarDocument): number | undefined {
  const fm = doc.frontMatter;
  if (!fm) return undefined;
  const first = doc.lines.lineAt(fm.contentStart);
  const last = doc.lines.lineAt(Math.max(fm.contentStart, fm.contentEnd));
  for (const key of ['question', 'walkthrough']) {
    for (let line = first; line <= last && line < doc.lines.lineCount; line++) {
      if (new RegExp(`^${key}\\s*:`).test(doc.lines.lineText(line))) return line;
    }
  }
  return undefined;
}
