import { StrictMode } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { App } from './App';

/** The server-rendered page, taken over in the browser: the element the server wrote must be the one that runs. */
const root = document.getElementById('root')!;
const serverElement = root.querySelector('spine-procedure-viewer');
hydrateRoot(
  root,
  <StrictMode>
    <App />
  </StrictMode>,
  {
    onRecoverableError: (error) => console.error(`hydration: ${String(error)}`),
  },
);
document.body.dataset.serverElementKept = String(
  serverElement !== null && root.querySelector('spine-procedure-viewer') === serverElement,
);
