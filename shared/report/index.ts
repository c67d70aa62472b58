/** Report builders over `check` results: summary, terminal table, CSV and self-contained HTML. */
export * from './types.ts';
export * from './summarize.ts';
export * from './csv.ts';
export * from './html.ts';
export * from './table.ts';
export { escapeHtml } from './escape.ts';
