import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import { MU_PER_MM } from '../fluoro/attenuation';
import { FluoroRenderer, type FluoroLook } from '../fluoro/FluoroRenderer';
import { layoutFluoro, type FluoroPanel } from '../fluoro/fluoroLayout';
import { useController, useSettings } from '../playback/react/viewerHooks';
import { setBoneDensity } from './fluoroMaterials';
import { TORSO } from './PatientTorso';
import { useSceneResources } from './useSceneResources';

/** Pulsed fluoroscopy at 7.5 pulses/s (Ortiz 2006): one noise pattern per pulse, so a time shows one frame. */
const PULSES_PER_SECOND = 7.5;
/** Cortical and cancellous bone on the central ray, added to the soft-tissue path for the exposure reference. */
const BONE_ON_CENTRAL_RAY = 0.25;

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
  const renderer = useMemo(
    () =>
      new FluoroRenderer(gl, {
        ap: MU_PER_MM.softTissue * TORSO.halfDepth * 2 + BONE_ON_CENTRAL_RAY,
        lateral: MU_PER_MM.softTissue * TORSO.halfWidth * 2 + BONE_ON_CENTRAL_RAY,
      }),
    [gl],
  );
  const panels = useMemo<FluoroPanel[]>(() => [], []);
  const look = useMemo<FluoroLook>(() => ({ seed: 0, boneWhite: true, circular: true }), []);

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
    if (mode === '3d') gl.render(scene, camera);
    else gl.clear();
    layoutFluoro(size.width, size.height, mode, s.fluoroView, panels);
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
