import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { CSP_META } from './shared/contract/csp.ts';
import { jsonAsParse } from './scripts/jsonAsParse.ts';

const rendererRoot = fileURLToPath(new URL('./renderer/', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/renderer/', import.meta.url));
const cspPlaceholder = '%RENDERER_CSP%';

/**
 * Writes the one Content-Security-Policy (shared/contract/csp.ts, which Electron and the browser
 * host also send as a header) into index.html's meta tag, so the three cannot drift apart. The
 * build fails if the placeholder is missing rather than shipping a page without a policy.
 */
function contentSecurityPolicyMeta(): Plugin {
  return {
    name: 'content-security-policy-meta',
    transformIndexHtml(html) {
      if (!html.includes(cspPlaceholder)) throw new Error(`renderer/index.html lacks the ${cspPlaceholder} placeholder`);
      return html.replace(cspPlaceholder, CSP_META);
    },
  };
}

const lexiconData = /[\\/]shared[\\/]lexicon[\\/]data[\\/][^\\/]+\.json$/;

// The renderer is served by the browser host over HTTP and loaded by Electron from its own
// protocol, so every asset URL is relative (`base: './'`). Nothing is inlined: the CSP forbids
// inline scripts and styles, so small assets must stay files too.
export default defineConfig({
  root: rendererRoot,
  base: './',
  plugins: [react(), contentSecurityPolicyMeta(), jsonAsParse(lexiconData)],
  build: {
    outDir,
    emptyOutDir: true,
    assetsInlineLimit: 0,
    sourcemap: true,
    target: 'es2023',
  },
  worker: { format: 'es', plugins: () => [jsonAsParse(lexiconData)] },
});
