import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, isAppUrl, rendererFileOf } from './appOrigin.ts';

describe('isAppUrl', () => {
  it.each([
    [APP_ENTRY_URL, true],
    ['app://renderer/assets/index.js', true],
    ['app://renderer', true],
    ['app://other/index.html', false],
    ['app://user:pw@renderer/index.html', false],
    ['file:///work/main/dist/renderer/index.html', false],
    ['http://127.0.0.1:5178/', false],
    ['https://renderer/index.html', false],
    ['devtools://devtools/bundled/inspector.html', false],
    ['not a url', false],
  ])('%s → %s', (url, expected) => {
    expect(isAppUrl(url)).toBe(expected);
  });
});

describe('rendererFileOf', () => {
  it.each([
    ['app://renderer/', 'index.html'],
    ['app://renderer/index.html', 'index.html'],
    ['app://renderer/assets/index-abc.js?v=1#x', 'assets/index-abc.js'],
    ['app://renderer/assets/%E4%B8%AD.svg', 'assets/中.svg'],
    ['app://renderer/../../etc/passwd', 'etc/passwd'],
    ['app://renderer/assets/..%2F..%2Fsecret', null],
    ['app://renderer/..%5c..%5csecret', null],
    ['app://renderer/%00', null],
    ['app://renderer/%E4', null],
    ['app://evil/index.html', null],
  ])('%s → %s', (url, expected) => {
    // URL parsing already folds plain `..` segments at the root (the first traversal case stays inside);
    // encoded separators survive parsing and must be refused here.
    expect(rendererFileOf(url)).toBe(expected);
  });
});
