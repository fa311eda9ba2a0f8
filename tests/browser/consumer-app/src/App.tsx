import { useRef } from 'react';
import { SpineProcedureViewer, type SpineProcedureViewerElement } from 'spine-procedure-viewer/react';

/** A page of an education site: the viewer at a step, its step changes logged where a test can read them. */
export function App() {
  const viewer = useRef<SpineProcedureViewerElement>(null);
  return (
    <main>
      <h1>Kyphoplasty</h1>
      <SpineProcedureViewer
        ref={viewer}
        procedure="kyphoplasty"
        level="L2"
        step="access"
        style={{ display: 'block', height: 480 }}
        onStepChange={(detail) => document.body.setAttribute('data-step', detail.step)}
        onReady={() => document.body.setAttribute('data-duration', String(viewer.current?.duration))}
      />
    </main>
  );
}
