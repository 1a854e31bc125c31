/**
 * Spoken-time hints from core's analysis: a CodeLens on each step heading (`≈ 38 s · target 30 s`) and a
 * status-bar item with the story's total against its level's length. Both follow the text as you type.
 */
import * as vscode from 'vscode';
import { stepLabel } from '../core';
import type { Analysis } from '../core';
import type { AnalysisCache } from './diagnostics';
import { LANGUAGE_ID, LINT_DELAY_MS, isStory } from './diagnostics';

/** Whole seconds, as spoken-time labels show them. */
export function formatSeconds(seconds: number): string {
  return `${Math.round(seconds)} s`;
}

/** Minutes and seconds (`2:05`), for the story's total. */
export function formatClock(seconds: number): string {
  const s = Math.round(seconds);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** The CodeLens title of one step: `≈ 38 s · target 30 s`, marked when core says the step runs over. */
export function stepLensTitle(seconds: number, targetSeconds: number, overTime: boolean): string {
  return `${overTime ? '$(warning) ' : ''}≈ ${formatSeconds(seconds)} · target ${formatSeconds(targetSeconds)}`;
}

/** Shows each step's spoken time above its heading. */
export class StepTimeLensProvider implements vscode.CodeLensProvider {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(private readonly cache: AnalysisCache) {}

  /** Asks VS Code to fetch the lenses again (after a configuration change). */
  refresh(): void {
    this.changed.fire();
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    if (!isStory(document)) return [];
    const analysis = this.cache.get(document);
    const lenses: vscode.CodeLens[] = [];
    for (const step of analysis.steps) {
      if (!step.present || !step.headingRange) continue;
      const r = step.headingRange;
      const range = new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
      lenses.push(
        new vscode.CodeLens(range, {
          title: stepLensTitle(step.seconds, step.targetSeconds, step.overTime),
          tooltip: `${stepLabel(step.step)}: ${step.words} spoken words ≈ ${formatSeconds(step.seconds)}; the target is ${formatSeconds(step.targetSeconds)}.`,
          command: '',
        }),
      );
    }
    return lenses;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** The status-bar item: the active story's spoken total against its level's length. */
export class StoryTimeStatus implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly disposables: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly cache: AnalysisCache) {
    this.item = vscode.window.createStatusBarItem('star.storyTime', vscode.StatusBarAlignment.Right, 100);
    this.item.name = 'STAR Story Time';
    this.item.command = 'star.openWalkthrough';
    this.disposables.push(
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === vscode.window.activeTextEditor?.document) this.schedule();
      }),
      vscode.workspace.onDidCloseTextDocument(() => this.update()),
    );
    this.update();
  }

  /** Recomputes the item for the active editor now. */
  update(): void {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || document.languageId !== LANGUAGE_ID) {
      this.item.hide();
      return;
    }
    this.render(this.cache.get(document));
    this.item.show();
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.update();
    }, LINT_DELAY_MS);
  }

  private render(analysis: Analysis): void {
    const over = analysis.totalSeconds > analysis.levelSeconds;
    this.item.text = `${over ? '$(warning)' : '$(clock)'} ${formatClock(analysis.totalSeconds)} / ${formatClock(analysis.levelSeconds)}`;
    this.item.backgroundColor = over ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    const tip = new vscode.MarkdownString(undefined, true);
    tip.appendMarkdown(`**Spoken time** at ${analysis.level}: about ${formatSeconds(analysis.totalSeconds)} of ${formatSeconds(analysis.levelSeconds)}\n\n`);
    for (const s of analysis.steps) {
      tip.appendMarkdown(`- ${stepLabel(s.step)}: ${s.present ? `${formatSeconds(s.seconds)} (target ${formatSeconds(s.targetSeconds)})` : 'missing'}\n`);
    }
    tip.appendMarkdown('\nClick to open the walkthrough.');
    this.item.tooltip = tip;
  }
}
