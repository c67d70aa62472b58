/** The review view's keyboard actions. */
export type ShortcutAction =
  | 'nextFlag'
  | 'previousFlag'
  | 'nextRecord'
  | 'previousRecord'
  | 'annotate'
  | 'severityMinor'
  | 'severityMajor'
  | 'severityCritical'
  | 'confirmFlag'
  | 'dismissFlag'
  | 'undo'
  | 'redo'
  | 'help';

/** Every shortcut with the keys shown for it in the help overlay (the order of that list). */
export const REVIEW_SHORTCUTS: readonly { action: ShortcutAction; keys: readonly string[] }[] = [
  { action: 'nextFlag', keys: ['J', 'F8'] },
  { action: 'previousFlag', keys: ['K', 'Shift+F8'] },
  { action: 'nextRecord', keys: ['Alt+↓'] },
  { action: 'previousRecord', keys: ['Alt+↑'] },
  { action: 'annotate', keys: ['A', 'Enter'] },
  { action: 'severityMinor', keys: ['1'] },
  { action: 'severityMajor', keys: ['2'] },
  { action: 'severityCritical', keys: ['3'] },
  { action: 'confirmFlag', keys: ['C'] },
  { action: 'dismissFlag', keys: ['D'] },
  { action: 'undo', keys: ['Ctrl+Z'] },
  { action: 'redo', keys: ['Ctrl+Shift+Z', 'Ctrl+Y'] },
  { action: 'help', keys: ['F1', '?'] },
];

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/** What the focused element is, as far as shortcuts care. */
export type FocusKind = 'text' | 'control' | 'other';

/**
 * The action a key press means, or null. In text fields only the function keys act (typing "j"
 * into a comment must type a j, and Ctrl+Z there undoes typing, not the last review action);
 * on buttons and other controls Enter and Space keep their own meaning.
 */
export function shortcutOf(event: KeyLike, focus: FocusKind): ShortcutAction | null {
  const command = event.ctrlKey || event.metaKey;
  if (event.key === 'F1') return 'help';
  if (event.key === 'F8') return event.shiftKey ? 'previousFlag' : 'nextFlag';
  if (focus === 'text') return null;
  if (event.altKey && !command) {
    if (event.key === 'ArrowDown') return 'nextRecord';
    if (event.key === 'ArrowUp') return 'previousRecord';
    return null;
  }
  if (command) {
    const key = event.key.toLowerCase();
    if (key === 'z') return event.shiftKey ? 'redo' : 'undo';
    if (key === 'y' && !event.shiftKey) return 'redo';
    return null;
  }
  switch (event.key) {
    case 'j':
    case 'J':
      return 'nextFlag';
    case 'k':
    case 'K':
      return 'previousFlag';
    case 'a':
    case 'A':
      return 'annotate';
    case 'Enter':
      return focus === 'control' ? null : 'annotate';
    case '1':
      return 'severityMinor';
    case '2':
      return 'severityMajor';
    case '3':
      return 'severityCritical';
    case 'c':
    case 'C':
      return 'confirmFlag';
    case 'd':
    case 'D':
      return 'dismissFlag';
    case '?':
      return 'help';
    default:
      return null;
  }
}

/** Classifies an event target for `shortcutOf`. */
export function focusKindOf(target: EventTarget | null): FocusKind {
  if (!(target instanceof HTMLElement)) return 'other';
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return 'text';
  if (target instanceof HTMLInputElement) return ['checkbox', 'radio', 'button', 'submit'].includes(target.type) ? 'control' : 'text';
  if (target instanceof HTMLButtonElement || target instanceof HTMLAnchorElement || target.tagName === 'SUMMARY') return 'control';
  return 'other';
}
