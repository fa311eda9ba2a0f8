import { useThree } from '@react-three/fiber';
import { useEffect, useLayoutEffect, useMemo, type RefObject } from 'react';
import type { Scene, ShaderMaterial } from 'three';
import { bodyModel } from '../fluoro/bodyAttenuation';
import { setBoneRegions } from '../fluoro/boneRegions';
import { FluoroRenderer, cementInterdigitation, type FluoroLook } from '../fluoro/FluoroRenderer';
import type { FluoroPanel } from '../fluoro/fluoroLayout';
import { worldBodyFrames } from '../fluoro/spineFrames';
import { useActiveScan, useController, useSettings } from '../playback/react/viewerHooks';
import type { XrayView } from '../procedure/types';
import { fluoroMaterialOf, setBoneDensity } from './fluoroMaterials';
import { useFluoroMaterials } from './useFluoroMaterials';

/** What the render pipeline asks of the X-ray pass once it is loaded. */
export interface FluoroDrawer {
  /** Draw each panel's X-ray from `scene` into the canvas (y measured from the top, like the layout). */
  drawPanels(scene: Scene, panels: readonly FluoroPanel[], canvasHeight: number, look: FluoroLook): void;
  /** The X-ray of `view` as a PNG data URL. */
  capture(scene: Scene, view: XrayView, look: FluoroLook): string;
}

/** FluoroPassProps: where the pass hands the render pipeline its drawer (null once unmounted). */
export interface FluoroPassProps {
  drawer: RefObject<FluoroDrawer | null>;
}

/**
 * The fluoroscopy pass: the C-arm's X-ray drawn from the same scene into the same canvas (one WebGL context). Part
 * of the features chunk, loaded after the first frame of the opening overview (which shows no X-ray) and before
 * it when the viewer opens on a moment that does; captures wait for the features (RendererBridge), so they find it.
 */
export function FluoroPass({ drawer }: FluoroPassProps) {
  const controller = useController();
  const settings = useSettings();
  const gl = useThree((s) => s.gl);
  const fluoro = useFluoroMaterials();
  // The treated body's material per set of fracture uniforms (a level's body keeps one set while it is drawn).
  const renderer = useMemo(() => {
    const treatedBodies = new WeakMap<object, ShaderMaterial>();
    return new FluoroRenderer(gl, (object) => fluoroMaterialOf(object, fluoro, treatedBodies));
  }, [gl, fluoro]);
  const scan = useActiveScan();

  // Before any effect that may ask for a frame, and before the features are reported complete.
  useLayoutEffect(() => {
    drawer.current = {
      drawPanels(scene, panels, canvasHeight, look) {
        for (let i = 0; i < panels.length; i++) {
          const panel = panels[i]!;
          renderer.renderLineIntegral(scene, panel.view);
          renderer.drawPanel(panel.view, panel.x, canvasHeight - panel.y - panel.size, panel.size, look);
        }
      },
      capture: (scene, view, look) => renderer.capture(scene, view, look),
    };
    controller.requestFrame();
    return () => {
      drawer.current = null;
      renderer.dispose();
    };
  }, [drawer, renderer, controller]);

  // The body's soft tissue, lungs and gas, and where the vertebral bodies lie, around the treated level.
  useEffect(() => {
    renderer.setBody(bodyModel(settings.level));
    setBoneRegions(fluoro.boneRegions, worldBodyFrames(settings.level));
    controller.requestFrame();
  }, [renderer, fluoro, settings.level, controller]);

  // On a patient's scan, its DRR replaces the body model (the generated bones are hidden by SpineScene). The DRR
  // code loads only then; one texture per viewer, freed when the scan closes or changes.
  useEffect(() => {
    if (!scan) return;
    let closed = false;
    let drr: import('../scan/drr/ScanDrr').ScanDrr | null = null;
    // Captures and `sceneComplete` wait for the scan's X-ray (never the body model's in its place).
    controller.renderer.setPartsLoading(true, 'scan-xray');
    void import('../scan/drr/ScanDrr').then(({ ScanDrr }) => {
      if (closed) return;
      const target = renderer.floatTargets.ap;
      drr = new ScanDrr(scan.volume, scan.target, target.width, target.texture.type);
      renderer.backdrop = drr;
      controller.renderer.setPartsLoading(false, 'scan-xray');
    });
    return () => {
      closed = true;
      controller.renderer.setPartsLoading(false, 'scan-xray');
      if (drr && renderer.backdrop === drr) renderer.backdrop = null;
      drr?.dispose();
      controller.requestFrame();
    };
  }, [scan, renderer, controller]);

  useEffect(() => {
    renderer.interdigitation = cementInterdigitation(settings.procedure);
    controller.requestFrame();
  }, [renderer, settings.procedure, controller]);

  useEffect(() => {
    setBoneDensity(fluoro, settings.boneDensity);
    controller.requestFrame();
  }, [fluoro, settings.boneDensity, controller]);

  return null;
}
