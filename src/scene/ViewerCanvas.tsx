import { Canvas } from '@react-three/fiber';
import { ACESFilmicToneMapping } from 'three';
import { useController } from '../playback/react/viewerHooks';
import { CameraRig } from './CameraRig';
import { CanvasGestures } from './CanvasGestures';
import { Lights } from './Lights';
import { ProcedureDriver } from './ProcedureDriver';
import { PromptResizeObserver } from './promptResizeObserver';
import { SceneContent } from './SceneContent';
import { SceneResourcesProvider } from './SceneResourcesProvider';
import { StudioEnvironment } from './StudioEnvironment';
import { loadPreparedSpine } from './loading/preparedSpine';

/** Start parsing the model now (its bytes are already on the way), ahead of the canvas that will draw it. */
export function preloadSpineModel(): Promise<unknown> {
  return loadPreparedSpine();
}

/** The 3D view: one WebGL canvas, rendered on demand (an idle, paused viewer draws nothing). */
export default function ViewerCanvas() {
  const controller = useController();
  return (
    <Canvas
      className="spv-canvas"
      frameloop="demand"
      // Measured at once (not at the next rendering opportunity, nor 50 ms later: R3F's default debounce), so the
      // renderer, the studio light and the shader warm-up start while the model is still being decoded. No scroll
      // listeners: the canvas's page offset is not used (events use offsetX/Y), and a page scroll need not redraw.
      resize={{ scroll: false, debounce: 0, polyfill: PromptResizeObserver }}
      dpr={[1, 2]}
      // ACES filmic: highlights on pale bone roll off softly instead of clipping to flat white.
      gl={{
        antialias: true,
        preserveDrawingBuffer: false,
        powerPreference: 'default',
        toneMapping: ACESFilmicToneMapping,
        toneMappingExposure: 1.0,
        // With the renderer, not in onCreated: the shader warm-up compiles before onCreated runs.
        localClippingEnabled: true,
      }}
      camera={{ fov: 32, near: 5, far: 6000, position: [430, 260, -170] }}
      onCreated={({ gl }) => {
        const canvas = gl.domElement;
        canvas.addEventListener('webglcontextlost', (event) => {
          // Without preventDefault the browser never offers the context back.
          event.preventDefault();
          controller.graphics.lost();
        });
        canvas.addEventListener('webglcontextrestored', () => controller.graphics.restored());
        controller.graphics.restored();
        controller.requestFrame();
      }}
    >
      <color attach="background" args={['#eef1f4']} />
      <ProcedureDriver />
      <Lights />
      <CameraRig />
      <CanvasGestures />
      <StudioEnvironment>
        {/* Materials and the cutaway of this canvas only: viewers on one page share no GPU objects. */}
        <SceneResourcesProvider>
          <SceneContent />
        </SceneResourcesProvider>
      </StudioEnvironment>
    </Canvas>
  );
}
