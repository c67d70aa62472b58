import { describe, expect, it } from 'vitest';
import { ok, fail } from './result.ts';
import { handleRequest, isChannel, type Handlers } from './validate.ts';
import type { LibraryState, Settings } from './channels.ts';

const emptyLibrary: LibraryState = { records: [], errors: [] };
const settings: Settings = { uiLanguage: 'en', reviewerName: '', maxFileMb: null };

function makeHandlers(overrides: Partial<Handlers> = {}): Handlers {
  return {
    'library:list': () => ok(emptyLibrary),
    'library:openPaths': (request) => ok({ records: [], errors: request.paths.map((file) => ({ source: { file }, message: 'seen' })) }),
    'library:importText': () => ok(emptyLibrary),
    'library:importTexts': () => ok(emptyLibrary),
    'library:getRecord': (request) => fail(`No record ${request.id}`),
    'library:recordForReview': (request) => fail(`No record ${request.id}`),
    'library:recent': () => ok(['/tmp/a.jsonl']),
    'library:openSample': () => ok(emptyLibrary),
    'library:clear': () => ok(emptyLibrary),
    'settings:get': () => ok(settings),
    'settings:set': (request) => ok({ ...settings, ...request }),
    'annotations:list': () => fail('not under test'),
    'annotations:save': () => fail('not under test'),
    'annotations:delete': () => fail('not under test'),
    'flags:decide': () => fail('not under test'),
    'review:setStatus': () => fail('not under test'),
    'alignment:saveCorrection': () => fail('not under test'),
    'export:write': () => fail('not under test'),
    'annotations:importMqm': () => fail('not under test'),
    'glossary:list': () => fail('not under test'),
    'glossary:save': () => fail('not under test'),
    'glossary:delete': () => fail('not under test'),
    'glossary:importTsv': () => fail('not under test'),
    'glossary:exportTsv': () => fail('not under test'),
    'library:query': () => fail('not under test'),
    'library:corpusFindings': () => fail('not under test'),
    ...overrides,
  };
}

describe('handleRequest', () => {
  it('passes a valid request to its handler and returns the handler result', async () => {
    const result = await handleRequest('library:openPaths', { paths: ['/data/a.jsonl'] }, makeHandlers());
    expect(result).toEqual({ ok: true, value: { records: [], errors: [{ source: { file: '/data/a.jsonl' }, message: 'seen' }] } });
  });

  it('returns a handler failure value unchanged', async () => {
    expect(await handleRequest('library:getRecord', { id: 'x' }, makeHandlers())).toEqual({ ok: false, error: 'No record x' });
  });

  it.each([
    ['missing field', 'library:openPaths', {}, /paths/],
    ['wrong type', 'library:openPaths', { paths: 'a.jsonl' }, /paths/],
    ['empty list', 'library:openPaths', { paths: [] }, /paths/],
    ['empty id', 'library:getRecord', { id: '' }, /id/],
    ['extra key', 'settings:get', { sneaky: true }, /sneaky|Unrecognized/i],
    ['bad enum', 'settings:set', { uiLanguage: 'fr' }, /uiLanguage/],
    ['bad format', 'library:importText', { name: 'a', text: 'b', format: 'docx' }, /format/],
    ['null payload', 'library:list', null, /request|expected/i],
    ['array payload', 'library:list', [], /request|expected/i],
  ])('refuses a bad payload (%s) with a message naming the problem', async (_case, channel, payload, pattern) => {
    let called = false;
    const handlers = makeHandlers({
      'library:openPaths': () => { called = true; return ok(emptyLibrary); },
    });
    const result = await handleRequest(channel, payload, handlers);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toContain(`Invalid request for ${channel}`);
    expect(result.error).toMatch(pattern);
    expect(called).toBe(false);
  });

  it.each(['nope', '', '__proto__', 'constructor', 'toString', 'library:list '])('refuses the unknown channel %j', async (channel) => {
    const result = await handleRequest(channel, {}, makeHandlers());
    expect(result).toEqual({ ok: false, error: expect.stringContaining('Unknown channel') });
  });

  it('turns a handler that throws into an error value', async () => {
    const handlers = makeHandlers({ 'library:list': () => { throw new Error('disk on fire'); } });
    expect(await handleRequest('library:list', {}, handlers)).toEqual({ ok: false, error: 'library:list failed: disk on fire' });
  });

  it('turns a rejected promise and a thrown non-Error into error values', async () => {
    const rejecting = makeHandlers({ 'library:recent': () => Promise.reject(new TypeError('boom')) });
    expect(await handleRequest('library:recent', {}, rejecting)).toEqual({ ok: false, error: 'library:recent failed: boom' });
    const throwingString = makeHandlers({ 'library:recent': () => { throw 'plain string'; } });
    expect(await handleRequest('library:recent', {}, throwingString)).toEqual({ ok: false, error: 'library:recent failed: plain string' });
  });

  it('refuses a handler that returns something other than a result', async () => {
    const handlers = makeHandlers({ 'library:list': () => emptyLibrary as never });
    const result = await handleRequest('library:list', {}, handlers);
    expect(result.ok).toBe(false);
  });

  it('caps the message for a payload with many problems', async () => {
    const result = await handleRequest('library:openPaths', { paths: Array.from({ length: 20 }, () => 3) }, makeHandlers());
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/and 15 more/);
  });
});

describe('isChannel', () => {
  it('knows the contract channels and nothing inherited', () => {
    expect(isChannel('library:list')).toBe(true);
    expect(isChannel('hasOwnProperty')).toBe(false);
  });
});
