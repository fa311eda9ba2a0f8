import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  base: './',
  logLevel: 'warn',
  build: { rollupOptions: { input: { index: 'index.html', ssr: 'ssr.html' } } },
});
