/**
 * Whether a story shows a walkthrough's signal in a step. A `check` asks the linter's own detectors
 * (the same functions the rules use, so the panel and the diagnostics never disagree); otherwise a
 * cue phrase must appear in the step's prose.
 */
import type { StepName } from '../model';
import { hasContent } from '../parse';
import type { Sentence, StarDocument } from '../parse';
import { statesBoundary } from '../rules/missing-scope-boundary';
import { LANG, has, hasQuantity, phrases, writerActs } from '../rules/lang';
import { hasBusinessImpact, hasSecondOrder } from '../rules/result-text';
import type { SignalCheck, WalkthroughSignal } from './types';

const SYSTEMIC_RE = phrases(LANG.systemic);

/** The prose sentences of a step with content, or [] when it is missing or empty. */
export function stepSentences(doc: StarDocument, step: StepName): Sentence[] {
  const s = doc.step(step);
  return s && hasContent(doc, s) ? doc.sectionSentences(s) : [];
}

/** Runs one of the linter's detectors over a step of the story. */
export function runCheck(check: SignalCheck, doc: StarDocument, step: StepName): boolean {
  const sentences = stepSentences(doc, step);
  const prose = sentences.map((s) => s.prose).join(' ');
  switch (check) {
    case 'scope-boundary':
      // As missing-scope-boundary reads it: the Situation or the Task draws the boundary.
      return [...stepSentences(doc, 'situation'), ...stepSentences(doc, 'task')].some(statesBoundary);
    case 'i-statements': {
      // As few-i-statements reads it: at least three sentences, and at least half, with the writer as actor.
      if (sentences.length === 0) return false;
      const mine = sentences.filter(writerActs).length;
      return mine >= 3 && mine * 2 >= sentences.length;
    }
    case 'metric':
      return hasQuantity(prose);
    case 'business-impact':
      return hasBusinessImpact(prose);
    case 'second-order':
      return hasSecondOrder(prose);
    case 'systemic-cause':
      return has(SYSTEMIC_RE, prose);
    default:
      return false;
  }
}

/** True when one of the cue phrases appears in the text (case-insensitive, whole words). */
export function hasCue(cues: readonly string[], text: string): boolean {
  const list = cues.map((c) => c.trim()).filter(Boolean);
  if (list.length === 0) return false;
  return has(phrases(list), text);
}

/** How a signal is decided, for the panel's tooltip. */
export type SignalMethod = 'check' | 'cues' | 'none';

/** Whether the story shows a signal in the given step, and how that was decided. */
export function signalShown(signal: WalkthroughSignal, doc: StarDocument, step: StepName): { shown: boolean; method: SignalMethod } {
  if (signal.check) return { shown: runCheck(signal.check, doc, step), method: 'check' };
  if (signal.cues.length > 0) {
    const prose = stepSentences(doc, step).map((s) => s.prose).join(' ');
    return { shown: hasCue(signal.cues, prose), method: 'cues' };
  }
  return { shown: false, method: 'none' };
}
