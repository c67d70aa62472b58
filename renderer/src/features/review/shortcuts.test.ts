import { describe, expect, it } from 'vitest';
import { shortcutOf, type FocusKind, type KeyLike } from './shortcuts.ts';

const press = (key: string, mods: Partial<KeyLike> = {}): KeyLike => ({ key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

describe('shortcutOf', () => {
  it.each<[KeyLike, FocusKind, string | null]>([
    [press('j'), 'other', 'nextFlag'],
    [press('F8'), 'text', 'nextFlag'],
    [press('F8', { shiftKey: true }), 'other', 'previousFlag'],
    [press('K', { shiftKey: true }), 'other', 'previousFlag'],
    [press('ArrowDown', { altKey: true }), 'other', 'nextRecord'],
    [press('ArrowUp', { altKey: true }), 'control', 'previousRecord'],
    [press('Enter'), 'other', 'annotate'],
    [press('Enter'), 'control', null],
    [press('2'), 'other', 'severityMajor'],
    [press('z', { ctrlKey: true }), 'other', 'undo'],
    [press('Z', { ctrlKey: true, shiftKey: true }), 'other', 'redo'],
    [press('y', { metaKey: true }), 'other', 'redo'],
    [press('z', { ctrlKey: true }), 'text', null],
    [press('j'), 'text', null],
    [press('F1'), 'text', 'help'],
    [press('?', { shiftKey: true }), 'other', 'help'],
    [press('x'), 'other', null],
  ])('%o in %s → %s', (event, focus, action) => {
    expect(shortcutOf(event, focus)).toBe(action);
  });
});
