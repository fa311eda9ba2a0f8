import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  base: './',
  logLevel: 'warn',
  // The dev server's dependency pre-bundling moves a package's files, and with them the viewer's model, worker
  // and chunks that the package finds next to its modules: serve it as published (docs/package.md).
  optimizeDeps: { exclude: ['spine-procedure-viewer'] },
});
