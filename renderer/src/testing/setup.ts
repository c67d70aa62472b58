/**
 * Vitest setup for every test file (vitest.config.ts). In the jsdom files it gives Testing
 * Library's findBy…/waitFor 10 s instead of 1 s: CI runs many files at once on two cores, and a
 * first render of the review view can take over a second there. A wait that never ends still
 * fails; a quick one returns as soon as its condition holds.
 */
if (typeof document !== 'undefined') {
  const { configure } = await import('@testing-library/react');
  configure({ asyncUtilTimeout: 10_000 });
}

export {};
