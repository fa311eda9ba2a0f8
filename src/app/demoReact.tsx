import { StrictMode, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { SpineProcedureViewerElement } from '../embed/SpineProcedureViewerElement';
import { SpineProcedureViewer } from '../embed/react/SpineProcedureViewer';

/** The React part of public/demo.html: the component with props, a ref and an event callback. */
function Demo() {
  const viewer = useRef<SpineProcedureViewerElement>(null);
  const [procedure, setProcedure] = useState<'kyphoplasty' | 'vertebroplasty'>('vertebroplasty');
  const [log, setLog] = useState('');
  return (
    <>
      <div className="demo-toolbar">
        <button
          type="button"
          onClick={() => setProcedure(procedure === 'kyphoplasty' ? 'vertebroplasty' : 'kyphoplasty')}
        >
          Switch to {procedure === 'kyphoplasty' ? 'vertebroplasty' : 'kyphoplasty'}
        </button>
        <button type="button" onClick={() => void viewer.current?.play()}>
          Play
        </button>
        <button type="button" onClick={() => viewer.current?.pause()}>
          Pause
        </button>
        <output className="demo-log" aria-live="polite">
          {log}
        </output>
      </div>
      <div className="demo-frame">
        <SpineProcedureViewer
          ref={viewer}
          procedure={procedure}
          level="L2"
          step="cement-injection"
          onStepChange={(detail) => setLog(`stepchange: ${String(detail.step)}`)}
          onProcedureChange={(detail) => setLog(`procedurechange: ${String(detail.procedure)}`)}
        />
      </div>
    </>
  );
}

const mount = document.getElementById('react-demo');
if (mount) {
  createRoot(mount).render(
    <StrictMode>
      <Demo />
    </StrictMode>,
  );
}
