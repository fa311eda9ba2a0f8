import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import type { FluoroLook } from '../fluoro/FluoroRenderer';
import { layoutFluoro, type FluoroPanel } from '../fluoro/fluoroLayout';
import { useController, useSettings } from '../playback/react/viewerHooks';
import type { FluoroDrawer } from './FluoroPass';
import type { SceneFeaturesLoad } from './loading/useSceneFeatures';

/** Pulsed fluoroscopy at 7.5 pulses/s (Ortiz 2006): one noise pattern per pulse, so a time shows one frame. */
const PULSES_PER_SECOND = 7.5;

/** RenderPipelineProps: the features chunk once loaded (it brings the X-ray pass). */
export interface RenderPipelineProps {
  features: SceneFeaturesLoad['features'];
}

/**
 * Takes over rendering (priority 1): the 3D view, then the fluoroscopy panels drawn from the same scene into
 * the same canvas (one WebGL context). Fluoro is computed only for the panels shown in this frame, by the X-ray
 * pass of the features chunk (FluoroPass): until it is here no panel is drawn, like the instruments, and
 * captures wait for it (they wait for the whole scene).
 */
export function RenderPipeline({ features }: RenderPipelineProps) {
  const controller = useController();
  const settings = useSettings();
  const gl = useThree((s) => s.gl);
  const scene = useThree((s) => s.scene);
  const drawer = useRef<FluoroDrawer | null>(null);
  const panels = useMemo<FluoroPanel[]>(() => [], []);
  const look = useMemo<FluoroLook>(() => ({ seed: 0, boneWhite: true, circular: true }), []);

  useEffect(() => {
    controller.renderer.setMemoryProbe(() => ({
      geometries: gl.info.memory.geometries,
      textures: gl.info.memory.textures,
    }));
    controller.renderer.setFluoroCapture((view) => {
      look.seed = Math.floor(controller.state.time * PULSES_PER_SECOND);
      look.boneWhite = controller.getSettings().polarity === 'bone-white';
      look.circular = controller.getSettings().detector === 'intensifier';
      // Captures are taken once the whole scene, this pass included, is in (RendererBridge.captureFluoro).
      return drawer.current ? drawer.current.capture(scene, view, look) : '';
    });
    return () => controller.renderer.setFluoroCapture(null);
  }, [controller, scene, look, gl]);

  useFrame(({ gl, scene, camera, size }) => {
    controller.renderer.frameStats.endUpdate(performance.now());
    const s = controller.state;
    const mode = settings.view;
    // The compare view draws each procedure's 3D view whole, in its own canvas, without X-ray panels.
    if (mode === '3d' || mode === 'compare') gl.render(scene, camera);
    else gl.clear();
    layoutFluoro(size.width, size.height, mode, s.fluoroView, panels);
    if (mode === '3d' && controller.renderer.bareFrame) panels.length = 0;
    look.seed = Math.floor(s.time * PULSES_PER_SECOND);
    look.boneWhite = settings.polarity === 'bone-white';
    look.circular = settings.detector === 'intensifier';
    if (panels.length > 0) drawer.current?.drawPanels(scene, panels, size.height, look);
    gl.setViewport(0, 0, size.width, size.height);
    controller.renderer.frameStats.recordRender(gl.info.render.calls, gl.info.render.triangles);
    controller.renderer.fulfilCaptures();
  }, 1);

  return features ? <features.FluoroPass drawer={drawer} /> : null;
}
