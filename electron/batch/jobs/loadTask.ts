/**
 * Inside a worker: a `RecordTask` → records and load errors, through the real parser, with the
 * locations shifted back to the file's own line numbers (a JSONL task's text starts mid-file).
 */
import { parseJsonlChunks } from '../../../shared/records/json.ts';
import { parseRecords } from '../../../shared/records/parse.ts';
import type { LoadError, ParseResult, SourceLocation } from '../../../shared/records/model.ts';
import { makeIdsUnique } from '../../../shared/records/siteObject.ts';
import { readTextChunks } from '../../services/fileReading.ts';
import { taskText, type RecordTask } from '../recordTasks.ts';

function shift(source: SourceLocation, task: RecordTask): SourceLocation {
  const firstLine = task.firstLine ?? 1;
  const firstOffset = task.firstOffset ?? 0;
  return {
    ...source,
    file: task.file,
    ...(source.line !== undefined || task.firstLine !== undefined ? { line: (source.line ?? 1) + firstLine - 1 } : {}),
    ...(source.offset !== undefined ? { offset: source.offset + firstOffset } : {}),
  };
}

/** An error of a task's text placed in the file, its message's leading `file:line:` too. */
function shiftError(error: LoadError, task: RecordTask): LoadError {
  const source = shift(error.source, task);
  // The parser wrote the place as it saw it: the line within the task's text.
  const seen = error.source.line === undefined ? null : `${error.source.file}:${error.source.line}: `;
  const message = seen !== null && source.line !== undefined && error.message.startsWith(seen) ? `${source.file}:${source.line}: ${error.message.slice(seen.length)}` : error.message;
  return { ...error, source, message };
}

/**
 * A JSONL task's records from its parts (runs of whole lines, see `LineRunCutter`): what
 * `parseRecords` gives for the parts joined by line breaks, without joining them (see
 * `parseJsonlChunks`).
 */
function parseJsonlParts(parts: readonly string[], file: string): ParseResult {
  const result = parseJsonlChunks(parts.map((part, i) => (i < parts.length - 1 ? `${part}\n` : part)), file);
  // As parseRecords does after any parser.
  makeIdsUnique(result.records);
  return result;
}

/** Reads (when needed) and parses one task. Never throws: every failure is a `LoadError`. */
export async function loadTask(task: RecordTask): Promise<ParseResult> {
  if (task.error !== undefined) return { records: [], errors: [{ source: shift({ file: task.file }, task), message: task.error }] };
  try {
    let result: ParseResult;
    if (Array.isArray(task.text) && task.format === 'jsonl') {
      result = parseJsonlParts(task.text, task.file);
    } else {
      let text = taskText(task);
      if (text === undefined) {
        const parts: string[] = [];
        for await (const chunk of readTextChunks(task.file)) parts.push(chunk);
        text = parts.join('');
      }
      result = parseRecords(text, { file: task.file, ...(task.format !== undefined ? { format: task.format } : {}) });
    }
    if (task.text === undefined) return result;
    return {
      records: result.records.map((record) => ({ ...record, source: shift(record.source, task) })),
      errors: result.errors.map((error) => shiftError(error, task)),
    };
  } catch (error) {
    return { records: [], errors: [{ source: shift({ file: task.file }, task), message: error instanceof Error ? error.message : String(error) }] };
  }
}
