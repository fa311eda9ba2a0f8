import {
  Data3DTexture,
  DataUtils,
  HalfFloatType,
  LinearFilter,
  Mesh,
  OrthographicCamera,
  PlaneGeometry,
  RGBAFormat,
  RedFormat,
  Scene,
  WebGLRenderTarget,
  type PerspectiveCamera,
  type ShaderMaterial,
  type TextureDataType,
  type Vector3,
  type WebGLRenderer,
} from 'three';
import { C_ARM } from '../../fluoro/cArmGeometry';
import type { FluoroBackdrop } from '../../fluoro/FluoroRenderer';
import { cropAroundTarget } from '../cropVolume';
import type { XrayView } from '../../procedure/types';
import type { ScanTarget, ScanVolume } from '../types';
import { drrReference, drrStepMm, type LineIntegral } from './drrReference';
import { createDrrCompositeMaterial, createDrrMaterial } from './drrMaterial';
import { HU_AIR, HU_CLAMP, huToMuTable } from './huToMu';
import { volumeFrame } from './volumeFrame';

const VIEWS: readonly XrayView[] = ['ap', 'lateral'];
/** Half the detector's field (mm): no ray from the source to the detector strays further from the target's height. */
const CONE_HALF_HEIGHT_MM = C_ARM.fieldDiameterMm / 2 + 10;
/** Across the body, everything a ray from the source to the detector can cross. */
const REACH_MM = C_ARM.sourceToDetectorMm;

/**
 * A patient's CT as the X-ray's anatomy: its μ in a 3D texture, each view's DRR rendered once into its own float
 * target (it only changes with the scan, its target or the view) and added to the line integral every frame by a
 * one-texel-per-texel copy, under the instruments, balloons and cement drawn from their meshes. One per viewer;
 * `dispose` when the scan closes or changes.
 *
 * μ is kept as R16F half floats: WebGL2 filters half-float textures linearly everywhere (R32F needs
 * OES_texture_float_linear, missing on many mobile GPUs), it halves the memory of a large scan, and its 11-bit
 * mantissa (0.05 %) is far finer than the CT's own noise.
 */
export class ScanDrr implements FluoroBackdrop {
  private readonly texture: Data3DTexture;
  private readonly drr: ShaderMaterial;
  private readonly composite: ShaderMaterial;
  private readonly drrScene = new Scene();
  private readonly compositeScene = new Scene();
  private readonly quadCamera = new OrthographicCamera(-1, 1, 1, -1, 0, 1);
  private readonly targets: Record<XrayView, WebGLRenderTarget>;
  private readonly rendered: Record<XrayView, boolean> = { ap: false, lateral: false };
  private readonly references: Record<XrayView, LineIntegral>;
  private readonly geometry = new PlaneGeometry(2, 2);

  constructor(scan: ScanVolume, target: ScanTarget, size: number, type: TextureDataType) {
    // Only what the cone can reach: within the detector's half-field of the target's height (a long scan's other
    // levels would only take GPU memory).
    const volume = cropAroundTarget(scan, target, [REACH_MM, REACH_MM, CONE_HALF_HEIGHT_MM]);
    this.texture = muTexture(volume);
    const frame = volumeFrame(volume, target);
    this.drr = createDrrMaterial(this.texture, frame, volume.dims, drrStepMm(volume));
    this.composite = createDrrCompositeMaterial();
    const drrQuad = new Mesh(this.geometry, this.drr);
    drrQuad.frustumCulled = false;
    this.drrScene.add(drrQuad);
    const compositeQuad = new Mesh(this.geometry, this.composite);
    compositeQuad.frustumCulled = false;
    this.compositeScene.add(compositeQuad);
    const make = () => new WebGLRenderTarget(size, size, { type, format: RGBAFormat, depthBuffer: false });
    this.targets = { ap: make(), lateral: make() };
    this.references = {
      ap: drrReference(volume, target, 'ap', frame),
      lateral: drrReference(volume, target, 'lateral', frame),
    };
  }

  prepare(gl: WebGLRenderer, view: XrayView, camera: PerspectiveCamera): void {
    if (this.rendered[view]) return;
    const u = this.drr.uniforms;
    const m = camera.matrixWorld.elements;
    (u.uSource!.value as Vector3).copy(camera.position);
    (u.uRight!.value as Vector3).set(m[0]!, m[1]!, m[2]!);
    (u.uUp!.value as Vector3).set(m[4]!, m[5]!, m[6]!);
    (u.uForward!.value as Vector3).set(-m[8]!, -m[9]!, -m[10]!);
    u.uTanHalf!.value = Math.tan(((camera.fov / 2) * Math.PI) / 180);
    const previousTarget = gl.getRenderTarget();
    const previousAutoClear = gl.autoClear;
    gl.autoClear = false;
    gl.setRenderTarget(this.targets[view]);
    gl.render(this.drrScene, this.quadCamera);
    gl.setRenderTarget(previousTarget);
    gl.autoClear = previousAutoClear;
    this.rendered[view] = true;
  }

  draw(gl: WebGLRenderer, view: XrayView): void {
    this.composite.uniforms.uDrr!.value = this.targets[view].texture;
    gl.render(this.compositeScene, this.quadCamera);
  }

  reference(view: XrayView): LineIntegral {
    return this.references[view];
  }

  dispose(): void {
    this.texture.dispose();
    this.drr.dispose();
    this.composite.dispose();
    this.geometry.dispose();
    for (const view of VIEWS) this.targets[view].dispose();
  }
}

/** The scan's μ (1/mm, 50 keV) as a half-float 3D texture, converted through a table of every HU. */
function muTexture(volume: ScanVolume): Data3DTexture {
  const table = huToMuTable();
  const half = new Uint16Array(table.length);
  for (let i = 0; i < table.length; i++) half[i] = DataUtils.toHalfFloat(table[i]!);
  const hu = volume.hu;
  const data = new Uint16Array(hu.length);
  for (let i = 0; i < hu.length; i++) {
    const h = hu[i]!;
    data[i] = half[(h < HU_AIR ? HU_AIR : h > HU_CLAMP ? HU_CLAMP : h) - HU_AIR]!;
  }
  const [nx, ny, nz] = volume.dims;
  const texture = new Data3DTexture(data, nx, ny, nz);
  texture.format = RedFormat;
  texture.type = HalfFloatType;
  texture.minFilter = LinearFilter;
  texture.magFilter = LinearFilter;
  texture.unpackAlignment = 1;
  texture.needsUpdate = true;
  return texture;
}
