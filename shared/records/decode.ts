import type { LoadError } from './model.ts';
import { loadError, type LoadErrorCode, type LoadErrorParamsOf } from './loadErrorCodes.ts';

/**
 * Bytes → text for every loader: UTF-8 with or without BOM, UTF-16 LE/BE with or without BOM,
 * GB18030 (the superset of GBK that Chinese Windows tools still write), and a clear refusal of
 * binary files. Pure: the main side reads the file and hands the bytes here.
 */

// shared/ compiles without the DOM lib; TextDecoder exists in Node, Electron and browsers alike.
interface TextDecoderLike {
  decode(input: Uint8Array): string;
}
declare const TextDecoder: new (label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean }) => TextDecoderLike;

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
  /** Set when the text was decoded with losses (a few invalid UTF-8 bytes became U+FFFD). */
  warning?: string;
  /** The same warning as a load error entry (code `decode.replacedBytes`), for the error list. */
  warningError?: LoadError;
}

export interface DecodeOptions {
  /** Files larger than this are refused before decoding. */
  maxBytes?: number;
}

/** The default size limit: above this a file should be streamed (JSONL) or split, not decoded whole. */
export const DEFAULT_MAX_BYTES = 256 * 1024 * 1024;

const SAMPLE = 8192;

type MagicCode = 'decode.pdf' | 'decode.zip' | 'decode.gzip' | 'decode.png' | 'decode.jpeg' | 'decode.oldOffice' | 'decode.sqlite';

const MAGIC: { bytes: number[]; code: MagicCode }[] = [
  { bytes: [0x25, 0x50, 0x44, 0x46], code: 'decode.pdf' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], code: 'decode.zip' },
  { bytes: [0x1f, 0x8b], code: 'decode.gzip' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], code: 'decode.png' },
  { bytes: [0xff, 0xd8, 0xff], code: 'decode.jpeg' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], code: 'decode.oldOffice' },
  { bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65], code: 'decode.sqlite' },
];

/** Refusals name the file only: a decoding problem has no line. */
function refusal<C extends LoadErrorCode>(code: C, file: string, params: LoadErrorParamsOf<C>): LoadError {
  return loadError(code, { file, offset: 0 }, params, 'file');
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.length <= bytes.length && prefix.every((b, i) => bytes[i] === b);
}

function decodeWith(encoding: TextEncoding, bytes: Uint8Array, fatal: boolean): string | null {
  try {
    return new TextDecoder(encoding, { fatal, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}

/*
 * UTF-16 without a BOM: text that is mostly ASCII has a NUL in every other byte — at odd
 * positions for little-endian, even ones for big-endian. Chinese-only UTF-16 has few NULs, so it
 * is caught later, when UTF-8 fails, by checking which byte order yields plausible characters.
 */
function guessUtf16ByNuls(bytes: Uint8Array): TextEncoding | null {
  const n = Math.min(bytes.length, SAMPLE) & ~1;
  if (n < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul > pairs * 0.3 && evenNul < pairs * 0.05) return 'utf-16le';
  if (evenNul > pairs * 0.3 && oddNul < pairs * 0.05) return 'utf-16be';
  return null;
}

/** Share of characters that are ordinary text (printable ASCII, whitespace, CJK, common punctuation). */
function plausibility(text: string): number {
  const sample = text.slice(0, SAMPLE);
  if (sample.length === 0) return 0;
  const ok = sample.match(/[\t\n\r\x20-\x7e\u00a0-\u024f\u2000-\u206f\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/g);
  return (ok?.length ?? 0) / sample.length;
}

function magicReason(bytes: Uint8Array, file: string): LoadError | null {
  const magic = MAGIC.find((m) => startsWith(bytes, m.bytes));
  return magic === undefined ? null : refusal(magic.code, file, {});
}

function nulReason(bytes: Uint8Array, file: string): LoadError | null {
  const n = Math.min(bytes.length, SAMPLE);
  let nul = 0;
  for (let i = 0; i < n; i++) if (bytes[i] === 0) nul++;
  return nul > 0 ? refusal('decode.nulBytes', file, { count: nul, sample: n }) : null;
}

/** Control characters other than tab, line breaks, form feed and escape, as a share of the decoded text. */
function controlReason(text: string, file: string): LoadError | null {
  const sample = text.slice(0, SAMPLE);
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c && c !== 0x0d && c !== 0x1b) || c === 0x7f) control++;
  }
  return sample.length > 0 && control / sample.length > 0.05
    ? refusal('decode.controlCharacters', file, { percent: Math.round((100 * control) / sample.length) })
    : null;
}

/**
 * Decodes a file's bytes to text, or says clearly why it cannot. Never throws.
 * Order: size limit, BOMs, BOM-less UTF-16 by its NUL pattern, binary signatures and NULs, strict
 * UTF-8, UTF-8 with replacement characters when only a few bytes are bad (a damaged file should
 * still open), GB18030, BOM-less UTF-16 by plausibility. Text dense with control characters is
 * refused as binary whichever decoding read it.
 */
export function decodeBytes(
  bytes: Uint8Array,
  file: string,
  options: DecodeOptions = {},
): DecodedText | { error: LoadError } {
  const fail = (error: LoadError) => ({ error });
  const limit = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.length > limit) return fail(refusal('decode.tooLarge', file, { size: bytes.length, limit }));
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    const text = decodeWith('utf-8', bytes.subarray(3), false);
    return text === null ? fail(refusal('decode.unreadable', file, { encoding: 'UTF-8' })) : { text, encoding: 'utf-8' };
  }
  for (const [bom, encoding] of [[[0xff, 0xfe], 'utf-16le'], [[0xfe, 0xff], 'utf-16be']] as const) {
    if (startsWith(bytes, [...bom])) {
      const text = decodeWith(encoding, bytes.subarray(2), false);
      return text === null ? fail(refusal('decode.unreadable', file, { encoding })) : { text, encoding };
    }
  }
  const utf16 = guessUtf16ByNuls(bytes);
  if (utf16 !== null) {
    const text = decodeWith(utf16, bytes, false);
    if (text !== null && plausibility(text) > 0.9) return { text, encoding: utf16 };
  }
  const binary = magicReason(bytes, file) ?? nulReason(bytes, file);
  if (binary !== null) return fail(binary);
  const utf8 = decodeWith('utf-8', bytes, true);
  if (utf8 !== null) {
    const control = controlReason(utf8, file);
    return control === null ? { text: utf8, encoding: 'utf-8' } : fail(control);
  }
  /*
   * UTF-8 with a few bad bytes (a damaged file, or a sample cut inside a character) stays UTF-8:
   * tried before GB18030, because UTF-8 Chinese often happens to be valid GB18030 byte pairs and
   * would decode to plausible-looking nonsense. A real GBK file read as UTF-8 fails on most characters.
   */
  const lossy = decodeWith('utf-8', bytes, false) ?? '';
  const bad = (lossy.match(/\uFFFD/g) ?? []).length;
  if (bad <= Math.max(2, lossy.length / 1000) && controlReason(lossy, file) === null) {
    const warningError = loadError('decode.replacedBytes', { file }, { count: bad }, 'file');
    return { text: lossy, encoding: 'utf-8', warning: warningError.message, warningError };
  }
  const gb = decodeWith('gb18030', bytes, true);
  if (gb !== null && /[\u4e00-\u9fff]/.test(gb) && plausibility(gb) > 0.95) return { text: gb, encoding: 'gb18030' };
  // Chinese-only UTF-16 without a BOM has no NULs and is not valid UTF-8: try both byte orders.
  if (bytes.length % 2 === 0) {
    for (const encoding of ['utf-16le', 'utf-16be'] as const) {
      const text = decodeWith(encoding, bytes, true);
      if (text !== null && plausibility(text) > 0.95) return { text, encoding };
    }
  }
  const control = controlReason(lossy, file);
  if (control !== null) return fail(control);
  return fail(refusal('decode.unknownEncoding', file, {}));
}
