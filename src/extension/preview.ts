/**
 * The Markdown preview of a story. A `*.star.md` file has the `star` language, not `markdown`, so VS Code's
 * preview button does not appear for it; but the built-in Markdown extension's `markdown.showPreviewToSide`
 * takes any document URI, reads it with `openTextDocument` and refreshes on every change, so we hand it ours.
 */
import * as vscode from 'vscode';
import { LANGUAGE_ID } from './diagnostics';

/** The built-in command that renders a document beside the editor. */
export const MARKDOWN_PREVIEW_COMMAND = 'markdown.showPreviewToSide';

/** Opens the Markdown preview of a story (the given URI, else the active editor's document) beside it. */
export async function openPreview(uri?: vscode.Uri): Promise<boolean> {
  const target = uri instanceof vscode.Uri ? uri : vscode.window.activeTextEditor?.document.uri;
  if (!target) {
    void vscode.window.showInformationMessage('Open a .star.md story first, then run STAR: Open Preview.');
    return false;
  }
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === target.toString());
  if (open && open.languageId !== LANGUAGE_ID && open.languageId !== 'markdown') {
    void vscode.window.showInformationMessage('STAR: Open Preview works on .star.md stories.');
    return false;
  }
  try {
    await vscode.commands.executeCommand(MARKDOWN_PREVIEW_COMMAND, target);
    return true;
  } catch (e) {
    void vscode.window.showErrorMessage(
      `STAR Stories could not open the preview: the built-in Markdown extension seems to be disabled (${e instanceof Error ? e.message : String(e)}).`,
    );
    return false;
  }
}
