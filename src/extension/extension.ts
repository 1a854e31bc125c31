/**
 * The extension's entry point: wires core to VS Code (diagnostics, code actions, time hints, hover, folding,
 * commands, the walkthrough panel and the story bank). Every disposable goes into `context.subscriptions`.
 */
import * as vscode from 'vscode';
import { loadedWalkthroughs, onDidLoadWalkthroughs, registerWalkthroughPanel } from '../webview/panel';
import { StarCodeActionProvider } from './codeActions';
import { createHandlers, registerCommands } from './commands';
import { createConverter } from './convert';
import { AnalysisCache, DiagnosticsController, LANGUAGE_ID } from './diagnostics';
import { StoryFoldingProvider } from './folding';
import { StepHoverProvider } from './hover';
import { ConfigStore } from './settings';
import { registerStoryBank } from './storyBank';
import { StepTimeLensProvider, StoryTimeStatus } from './timeHints';

/** The documents every provider serves: STAR stories, saved or untitled. */
export const STORY_SELECTOR: vscode.DocumentSelector = { language: LANGUAGE_ID };

/** Activates STAR Stories. */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('STAR Stories');
  const config = new ConfigStore(vscode, output);
  const converter = createConverter(vscode, context.extensionUri);
  const cache = new AnalysisCache(config, loadedWalkthroughs);
  const collection = vscode.languages.createDiagnosticCollection('star');
  const diagnostics = new DiagnosticsController(collection, converter, config, cache);
  const codeActions = new StarCodeActionProvider(vscode, converter, () => config.current());
  const lenses = new StepTimeLensProvider(cache);
  const status = new StoryTimeStatus(cache);
  context.subscriptions.push(
    output,
    config,
    collection,
    diagnostics,
    lenses,
    status,
    vscode.languages.registerCodeActionsProvider(STORY_SELECTOR, codeActions, codeActions.metadata),
    vscode.languages.registerCodeLensProvider(STORY_SELECTOR, lenses),
    vscode.languages.registerHoverProvider(STORY_SELECTOR, new StepHoverProvider(cache)),
    vscode.languages.registerFoldingRangeProvider(STORY_SELECTOR, new StoryFoldingProvider(cache)),
    config.onDidChange(() => {
      lenses.refresh();
      status.update();
    }),
  );

  registerCommands(context, createHandlers({ context, config, converter, diagnostics, cache }));
  // The panel and the story bank are separate features: if one fails to start, linting still works.
  const optional: Array<[string, () => void]> = [
    ['walkthrough panel', () => registerWalkthroughPanel(context, { output, getConfig: () => config.current() })],
    ['story bank', () => registerStoryBank(context, { config })],
  ];
  for (const [name, register] of optional) {
    try {
      register();
    } catch (e) {
      output.appendLine(`The ${name} could not start: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    }
  }

  // A user walkthrough may set its own step targets: re-time the open stories when walkthroughs (re)load.
  context.subscriptions.push(
    onDidLoadWalkthroughs(() => {
      cache.forget();
      diagnostics.lintAllOpen();
      lenses.refresh();
      status.update();
    }),
  );

  // Read `.starlint.yaml`, then lint every story that is already open.
  await config.reloadFile(false);
  diagnostics.lintAllOpen();
}

/** Nothing to do: every resource is in `context.subscriptions`. */
export function deactivate(): void {}
