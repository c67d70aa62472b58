import type { DecodedText } from '../../shared/records/decode.ts';
import { errorDetail, loadError } from '../../shared/records/loadErrorCodes.ts';
import type { LoadError } from '../../shared/records/model.ts';
import { NotTextError } from './fileReading.ts';

/*
 * The error entries the record library writes itself (files and folders it cannot open, limits,
 * a parser that broke its promise not to throw), as coded `LoadError`s: the code and values let
 * the UI say them in Chinese, the English message stays what the CLI and logs have always shown.
 * Parser errors come coded from shared/records already; the codes live in loadErrorCodes.ts.
 */

const GiB = 1024 ** 3;
const MiB = 1024 ** 2;

/** "1.5 GiB", "300 MiB", "12 KiB": sizes as the error messages show them. */
export function formatBytes(bytes: number): string {
  const units: [number, string][] = [[GiB, 'GiB'], [MiB, 'MiB'], [1024, 'KiB']];
  for (const [size, unit] of units) {
    if (bytes >= size) {
      const value = bytes / size;
      return `${Number.isInteger(value) ? value : value.toFixed(1)} ${unit}`;
    }
  }
  return `${bytes} bytes`;
}

/** A path that could not be stat'ed, read or listed: the common causes by name, anything else as the system says it. */
export function fileSystemError(file: string, error: unknown): LoadError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const source = { file };
  if (code === 'ENOENT') return loadError('file.notFound', source, {}, 'none');
  if (code === 'EACCES' || code === 'EPERM') return loadError('file.permissionDenied', source, {}, 'none');
  if (code === 'EISDIR') return loadError('file.isFolder', source, {}, 'none');
  return loadError('file.readFailed', source, { detail: errorDetail(error) }, 'none');
}

/**
 * A file refused by the decoder as not text (binary, or no encoding we read), named by the
 * file as the library knows it (a dropped file's name, not the decoder's).
 */
export function notTextError(file: string, refusal: NotTextError | LoadError): LoadError {
  const error = refusal instanceof NotTextError ? refusal.loadError : refusal;
  return { ...error, source: { file } };
}

/** Whatever stopped a file being read: not text, or a file-system error. */
export function readFailure(file: string, error: unknown): LoadError {
  return error instanceof NotTextError ? notTextError(file, error) : fileSystemError(file, error);
}

/**
 * A file over the size limit. `jsonlMayBeLarger` adds that JSONL files may be larger (they are
 * streamed), true only while the JSONL limit really is higher than the one this file broke.
 */
export function fileTooLargeError(file: string, size: number, limit: number, jsonlMayBeLarger = false): LoadError {
  const params = { size: formatBytes(size), limit: formatBytes(limit) };
  return loadError(jsonlMayBeLarger ? 'file.tooLargeNotJsonl' : 'file.tooLarge', { file }, params, 'none');
}

/** A folder with more record files than one opening takes; the first `opened` were opened. */
export function tooManyFilesError(folder: string, found: number, opened: number): LoadError {
  return loadError('folder.tooManyFiles', { file: folder }, { found, opened }, 'none');
}

/** A folder (and its subfolders) holding no file with a record extension. */
export function noRecordFilesError(folder: string): LoadError {
  return loadError('folder.noRecordFiles', { file: folder }, {}, 'none');
}

/** A JSONL line longer than the limit, skipped without being held in memory. */
export function lineTooLongError(file: string, line: { number: number; offset: number }, maxChars: number): LoadError {
  return loadError('line.tooLong', { file, line: line.number, offset: line.offset }, { limit: maxChars });
}

/** A parser that threw although the parsers promise not to. */
export function parserCrashedError(file: string, error: unknown): LoadError {
  return loadError('parser.crashed', { file }, { detail: errorDetail(error) }, 'none');
}

/** The entry closing a file's error list once it passes the per-file cap. */
export function moreErrorsEntry(file: string, more: number): LoadError {
  return loadError('errors.more', { file }, { more }, 'none');
}

/** The entry saying a few invalid bytes were replaced by �, or null when the decoding lost nothing. */
export function decodeWarningError(file: string, decoded: DecodedText): LoadError | null {
  if (decoded.warningError) return { ...decoded.warningError, source: { file } };
  return decoded.warning ? { source: { file }, message: decoded.warning } : null;
}
