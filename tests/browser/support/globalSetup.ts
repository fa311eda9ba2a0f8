import { existsSync } from 'node:fs';

/** The browser tests exercise the production build; `npm run test:browser` builds it first. */
export default function setup(): void {
  if (!existsSync('dist/index.html')) {
    throw new Error(
      'dist/index.html is missing: run `npm run build` (or `npm run test:browser`, which builds first).',
    );
  }
}
