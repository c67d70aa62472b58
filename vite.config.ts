import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const rendererRoot = fileURLToPath(new URL('./renderer/', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/renderer/', import.meta.url));

// The renderer is served by the browser host over HTTP and loaded by Electron from its own
// protocol, so every asset URL is relative (`base: './'`). Nothing is inlined: the page's CSP
// (renderer/index.html) forbids inline scripts and styles, so small assets must stay files too.
export default defineConfig({
  root: rendererRoot,
  base: './',
  plugins: [react()],
  build: {
    outDir,
    emptyOutDir: true,
    assetsInlineLimit: 0,
    sourcemap: true,
    target: 'es2023',
  },
  worker: { format: 'es' },
});
