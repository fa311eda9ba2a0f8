import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import { bodyModel } from '../fluoro/bodyAttenuation';
import { setBoneRegions } from '../fluoro/boneRegions';
import { FluoroRenderer, cementInterdigitation, type FluoroLook } from '../fluoro/FluoroRenderer';
import { worldBodyFrames } from '../fluoro/spineFrames';
import { layoutFluoro, type FluoroPanel } from '../fluoro/fluoroLayout';
import { useController, useSettings } from '../playback/react/viewerHooks';
import { setBoneDensity } from './fluoroMaterials';
import { useSceneResources } from './useSceneResources';

/** Pulsed fluoroscopy at 7.5 pulses/s (Ortiz 2006): one noise pattern per pulse, so a time shows one frame. */
const PULSES_PER_SECOND = 7.5;

/**
 * Takes over rendering (priority 1): the 3D view, then the fluoroscopy panels drawn from the same scene into
 * the same canvas (one WebGL context). Fluoro is computed only for the panels shown in this frame.
 */
export function RenderPipeline() {
  const controller = useController();
  const settings = useSettings();
  const gl = useThree((s) => s.gl);
  const scene = useThree((s) => s.scene);
  const { fluoro } = useSceneResources();
  const renderer = useMemo(() => new FluoroRenderer(gl), [gl]);
  const panels = useMemo<FluoroPanel[]>(() => [], []);
  const look = useMemo<FluoroLook>(() => ({ seed: 0, boneWhite: true, circular: true }), []);

  // The body's soft tissue, lungs and gas, and where the vertebral bodies lie, around the treated level.
  useEffect(() => {
    renderer.setBody(bodyModel(settings.level));
    setBoneRegions(fluoro.boneRegions, worldBodyFrames(settings.level));
    controller.requestFrame();
  }, [renderer, fluoro, settings.level, controller]);

  useEffect(() => {
    renderer.interdigitation = cementInterdigitation(settings.procedure);
    controller.requestFrame();
  }, [renderer, settings.procedure, controller]);

  useEffect(() => {
    setBoneDensity(fluoro, settings.boneDensity);
    controller.requestFrame();
  }, [fluoro, settings.boneDensity, controller]);

  useEffect(() => {
    controller.renderer.setMemoryProbe(() => ({
      geometries: gl.info.memory.geometries,
      textures: gl.info.memory.textures,
    }));
    controller.renderer.setFluoroCapture((view) => {
      look.seed = Math.floor(controller.state.time * PULSES_PER_SECOND);
      look.boneWhite = controller.getSettings().polarity === 'bone-white';
      look.circular = controller.getSettings().detector === 'intensifier';
      return renderer.capture(scene, view, look);
    });
    return () => {
      controller.renderer.setFluoroCapture(null);
      renderer.dispose();
    };
  }, [controller, renderer, scene, look, gl]);

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
    for (let i = 0; i < panels.length; i++) {
      const panel = panels[i]!;
      renderer.renderLineIntegral(scene, panel.view);
      renderer.drawPanel(panel.view, panel.x, size.height - panel.y - panel.size, panel.size, look);
    }
    gl.setViewport(0, 0, size.width, size.height);
    controller.renderer.frameStats.recordRender(gl.info.render.calls, gl.info.render.triangles);
    controller.renderer.fulfilCaptures();
  }, 1);

  return null;
}
