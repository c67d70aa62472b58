/**
 * Where the pool's worker and job modules are, whether we run from source or from the bundle.
 *
 * From source (Node's type stripping, vitest, `npm run cli`) they are the `.ts` files beside this
 * one. In the built app, esbuild bundles this file into `dist/electron/main.cjs` (or `cli.cjs`),
 * where a worker cannot load `.ts` files that were never shipped; so `scripts/build.ts` also
 * bundles the worker and each job into files of their own beside it, keeping their layout under
 * `electron/batch/` (`dist/electron/poolWorker.cjs`, `dist/electron/jobs/analyzeJob.cjs`), and
 * defines `import.meta.url` as the bundle's own file URL. One relative name then resolves in
 * both cases, with only the extension told apart.
 */

/** True when this code runs from an esbuild CommonJS bundle rather than from the `.ts` source. */
export const RUNS_BUNDLED = import.meta.url.endsWith('.cjs');

/**
 * The URL of a module of `electron/batch/`, named without extension relative to this folder
 * (`'./poolWorker'`, `'./jobs/analyzeJob'`): the `.ts` source, or its bundle next to ours.
 */
export function batchModuleUrl(relative: `./${string}`, base: string = import.meta.url): URL {
  return new URL(`${relative}${base.endsWith('.cjs') ? '.cjs' : '.ts'}`, base);
}
