/**
 * Inside a worker: a `RecordTask` → records and load errors, through the real parser, with the
 * locations shifted back to the file's own line numbers (a JSONL task's text starts mid-file).
 */
import { parseRecords } from '../../../shared/records/parse.ts';
import type { LoadError, ParseResult, SourceLocation } from '../../../shared/records/model.ts';
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

/** Reads (when needed) and parses one task. Never throws: every failure is a `LoadError`. */
export async function loadTask(task: RecordTask): Promise<ParseResult> {
  if (task.error !== undefined) return { records: [], errors: [{ source: shift({ file: task.file }, task), message: task.error }] };
  let text = taskText(task);
  try {
    if (text === undefined) {
      const parts: string[] = [];
      for await (const chunk of readTextChunks(task.file)) parts.push(chunk);
      text = parts.join('');
    }
    const result = parseRecords(text, { file: task.file, ...(task.format !== undefined ? { format: task.format } : {}) });
    if (task.text === undefined) return result;
    return {
      records: result.records.map((record) => ({ ...record, source: shift(record.source, task) })),
      errors: result.errors.map((error): LoadError => ({ ...error, source: shift(error.source, task) })),
    };
  } catch (error) {
    return { records: [], errors: [{ source: shift({ file: task.file }, task), message: error instanceof Error ? error.message : String(error) }] };
  }
}
