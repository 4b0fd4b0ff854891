import { defineConfig } from 'vite';

/** The widget as the stores load it: dist/widget/widget.js (a stable name), with each language its own small chunk. */
export default defineConfig({
  root: import.meta.dirname,
  logLevel: 'warn',
  build: {
    outDir: '../../dist/widget',
    emptyOutDir: true,
    target: 'es2022',
    modulePreload: false,
    rollupOptions: {
      input: 'web/widget/regulars-widget.ts',
      preserveEntrySignatures: 'exports-only',
      output: { entryFileNames: 'widget.js', chunkFileNames: 'widget/[name]-[hash].js', format: 'es' },
    },
  },
});
