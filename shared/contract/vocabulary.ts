/**
 * The contract's names and fixed lists as plain data: the method each channel is called by, the
 * record formats, and the review statuses, finding kinds and severities the record list filters
 * by. The zod schemas beside this file are built from these lists; the renderer, which validates
 * nothing (the main side does, whatever the transport), imports them from here and so starts
 * without the schema library: building the contract's schemas was a third of the evaluation of
 * the page's script (~60 of ~180 ms, profiled on a busy machine).
 */
import type { FindingKind, Severity } from '../checks/types.ts';
import type { RecordFormat } from '../records/model.ts';
import type { Channel } from './channels.ts';

export const RECORD_FORMATS = ['page', 'json', 'jsonl', 'tsv', 'csv', 'tmx', 'xliff', 'wmt'] as const satisfies readonly RecordFormat[];

export const REVIEW_STATUSES = ['unreviewed', 'in-progress', 'reviewed', 'needs-second-look'] as const;

export const FINDING_KINDS = [
  'number-mismatch',
  'omission',
  'addition',
  'section-missing',
  'term-inconsistency',
  'glossary',
  'untranslated',
  'punctuation',
] as const satisfies readonly FindingKind[];

export const SEVERITIES = ['critical', 'major', 'minor'] as const satisfies readonly Severity[];

export const reviewMethodOfChannel = {
  'annotations:list': 'listReview',
  'annotations:save': 'saveAnnotation',
  'annotations:delete': 'deleteAnnotation',
  'flags:decide': 'decideFlag',
  'review:setStatus': 'setReviewStatus',
  'alignment:saveCorrection': 'saveAlignmentCorrection',
  'export:write': 'writeExport',
  'annotations:importMqm': 'importMqm',
} as const;

export const glossaryMethodOfChannel = {
  'glossary:list': 'listGlossary',
  'glossary:save': 'saveGlossaryEntry',
  'glossary:delete': 'deleteGlossaryEntry',
  'glossary:importTsv': 'importGlossaryTsv',
  'glossary:exportTsv': 'exportGlossaryTsv',
} as const;

export const recordQueryMethodOfChannel = { 'library:query': 'queryRecords', 'library:corpusFindings': 'corpusFindings' } as const;

/** The names the renderer calls; one method per channel. */
export const methodOfChannel = {
  'library:list': 'listRecords',
  'library:openPaths': 'openPaths',
  'library:importText': 'importText',
  'library:importTexts': 'importTexts',
  'library:getRecord': 'getRecord',
  'library:recordForReview': 'getRecordForReview',
  'library:recent': 'recentFiles',
  'library:openSample': 'openSample',
  'library:clear': 'clearLibrary',
  'settings:get': 'getSettings',
  'settings:set': 'setSettings',
  ...reviewMethodOfChannel,
  ...glossaryMethodOfChannel,
  ...recordQueryMethodOfChannel,
} as const satisfies Record<Channel, string>;
