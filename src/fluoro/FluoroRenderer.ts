import type { XrayView } from '../procedure/types';
import {
  FloatType,
  HalfFloatType,
  Mesh,
  Object3D,
  OrthographicCamera,
  PerspectiveCamera,
  PlaneGeometry,
  RGBAFormat,
  Scene,
  UnsignedByteType,
  Vector3,
  Vector4,
  WebGLRenderTarget,
  type Color,
  type Material,
  type ShaderMaterial,
  type Texture,
  type WebGLRenderer,
} from 'three';
import { bodyLineIntegral, type BodyModel } from './bodyAttenuation';
import { createBodyAttenuationMaterial, setBodyModel } from './bodyAttenuationMaterial';
import { C_ARM, angleOfView, coneFovDeg, sourceDirection } from './cArmGeometry';
import { createFluoroDisplayMaterial } from './fluoroDisplayMaterial';

/** How the monitor image looks: noise seed (pulse number), polarity, and the detector's field shape. */
export interface FluoroLook {
  seed: number;
  boneWhite: boolean;
  /** Circular image-intensifier field; false for a square flat-panel detector. */
  circular: boolean;
}

/**
 * How unevenly cement interdigitates with the trabeculae at its front: 1 for vertebroplasty (cement pushed into
 * intact cancellous bone), 0 for kyphoplasty (cement filling the balloon's cavity as a compact mass).
 */
export function cementInterdigitation(procedure: string): number {
  return procedure === 'vertebroplasty' ? 1 : 0;
}

/**
 * Anatomy drawn in place of the body model (a patient's CT, src/scan/drr): it adds its own Σ μ·L (red) and smooth
 * part (green) under the meshes' and sets the exposure references. The generated bones are hidden meanwhile.
 */
export interface FluoroBackdrop {
  /** Render the view's own image if it is not ready (may switch render targets; restores the current one). */
  prepare(gl: WebGLRenderer, view: XrayView, camera: PerspectiveCamera): void;
  /** Add the view's image to the current target. */
  draw(gl: WebGLRenderer, view: XrayView): void;
  /** Σ μ·L and its smooth part along the view's central ray. */
  reference(view: XrayView): { total: number; smooth: number };
}

/** Line-integral resolution: ~0.5 mm at the isocentre, so a cannula's 0.3 mm walls still show as two edges. */
const TARGET_SIZE = 384;
/**
 * Cortical and cancellous bone on the central ray, added to the body's path for the exposure reference, so the
 * automatic brightness control sets the treated vertebra (not the soft tissue beside it) near mid-grey.
 */
const BONE_ON_CENTRAL_RAY = 0.25;

/**
 * Simulated fluoroscopy from the scene itself, in the same WebGL context: meshes that have an attenuation
 * material (`materialOf`: by default the one in `userData.fluoroMaterial`) are drawn with it into a float target from the C-arm source, then the
 * display shader turns Σ μ·L into the monitor image. Meshes without one (labels, the C-arm, the radiolucent
 * table) do not show on X-ray.
 */
export class FluoroRenderer {
  readonly floatTargets: Record<XrayView, WebGLRenderTarget>;
  /** True when float blending is missing and half floats are used (coarser, still readable). */
  readonly halfFloatFallback: boolean;
  private readonly camera = new PerspectiveCamera(coneFovDeg(), 1, 100, 2000);
  private readonly quadScene = new Scene();
  private readonly quadCamera = new OrthographicCamera(-1, 1, 1, -1, 0, 1);
  private readonly display = createFluoroDisplayMaterial();
  private readonly bodyScene = new Scene();
  private readonly body = createBodyAttenuationMaterial();
  /** Σ μ·L of the body model along each view's central ray: the automatic brightness control's reference. */
  private readonly bodyReference: Record<XrayView, number> = { ap: 0, lateral: 0 };
  /** Scratch for the source direction, per renderer so viewers on one page share nothing mutable. */
  private readonly sourceDirection: [number, number, number] = [0, 0, 0];
  // Parallel arrays reused every pass, so swapping materials allocates nothing per frame.
  private readonly swappedMeshes: Mesh[] = [];
  private readonly swappedMaterials: (Material | Material[])[] = [];
  private readonly swappedVisible: boolean[] = [];
  private swappedCount = 0;
  private readonly swapIn = (object: Object3D) => this.swapInObject(object);
  private background: Color | Texture | null = null;
  /** See `cementInterdigitation`; set on every attenuation material that reads it while swapping in. */
  interdigitation = 0;
  /** Drawn instead of the body model while set (a patient's scan). */
  backdrop: FluoroBackdrop | null = null;

  /**
   * `materialOf` gives a mesh's attenuation material (none: it is hidden from the X-ray); by default its
   * `userData.fluoroMaterial`.
   */
  constructor(
    private readonly gl: WebGLRenderer,
    private readonly materialOf: (object: Object3D) => Material | undefined = (object) =>
      object.userData.fluoroMaterial as Material | undefined,
  ) {
    const floatBlend = gl.extensions.has('EXT_float_blend');
    this.halfFloatFallback = !floatBlend;
    const make = () =>
      new WebGLRenderTarget(TARGET_SIZE, TARGET_SIZE, {
        type: floatBlend ? FloatType : HalfFloatType,
        format: RGBAFormat,
        depthBuffer: false,
      });
    this.floatTargets = { ap: make(), lateral: make() };
    this.quadScene.add(new Mesh(new PlaneGeometry(2, 2), this.display));
    this.display.uniforms.uTexel!.value = [1 / TARGET_SIZE, 1 / TARGET_SIZE];
    const bodyQuad = new Mesh(new PlaneGeometry(2, 2), this.body);
    bodyQuad.frustumCulled = false;
    this.bodyScene.add(bodyQuad);
  }

  /** The patient's soft tissue, lungs and gas around the treated level (set when the level changes). */
  setBody(model: BodyModel): void {
    setBodyModel(this.body, model);
    for (const view of ['ap', 'lateral'] as const) {
      const d = sourceDirection(angleOfView(view), this.sourceDirection);
      const r = C_ARM.sourceToIsocentreMm;
      this.bodyReference[view] = bodyLineIntegral(
        [d[0] * r, d[1] * r, d[2] * r],
        [-d[0], -d[1], -d[2]],
        model,
      );
    }
  }

  /** Compute Σ μ·L for a view at the scene's current state. */
  renderLineIntegral(scene: Scene, view: XrayView): void {
    const gl = this.gl;
    const direction = sourceDirection(angleOfView(view), this.sourceDirection);
    this.camera.position
      .set(direction[0], direction[1], direction[2])
      .multiplyScalar(C_ARM.sourceToIsocentreMm);
    // Image up = cranial, as on the monitor.
    this.camera.up.set(0, 0, 1);
    this.camera.lookAt(ORIGIN);
    this.camera.updateMatrixWorld();
    this.backdrop?.prepare(gl, view, this.camera);

    this.background = scene.background;
    scene.background = null;
    scene.traverse(this.swapIn);
    const previousTarget = gl.getRenderTarget();
    const previousAutoClear = gl.autoClear;
    gl.setRenderTarget(this.floatTargets[view]);
    gl.setClearColor(0x000000, 0);
    gl.clear(true, false, false);
    gl.autoClear = false;
    gl.render(scene, this.camera);
    if (this.backdrop) {
      this.backdrop.draw(gl, view);
    } else {
      this.setBodyRay();
      gl.render(this.bodyScene, this.quadCamera);
    }
    gl.autoClear = previousAutoClear;
    gl.setRenderTarget(previousTarget);
    for (let i = 0; i < this.swappedCount; i++) {
      this.swappedMeshes[i]!.material = this.swappedMaterials[i]!;
      this.swappedMeshes[i]!.visible = this.swappedVisible[i]!;
    }
    this.swappedCount = 0;
    scene.background = this.background;
  }

  /** Draw a view's monitor image into a square of the current render target (CSS px, bottom-left origin). */
  drawPanel(view: XrayView, x: number, y: number, size: number, look: FluoroLook): void {
    const gl = this.gl;
    const u = this.display.uniforms;
    u.uLineIntegral!.value = this.floatTargets[view].texture;
    // A scan's central ray crosses the treated body itself, so its own Σ μ·L is the reference.
    const scan = this.backdrop?.reference(view);
    u.uReference!.value = scan ? scan.total : this.bodyReference[view] + BONE_ON_CENTRAL_RAY;
    u.uBodyReference!.value = scan ? scan.smooth : this.bodyReference[view];
    u.uSeed!.value = look.seed;
    u.uBoneWhite!.value = look.boneWhite ? 1 : 0;
    u.uCircular!.value = look.circular ? 1 : 0;
    gl.setViewport(x, y, size, size);
    gl.setScissor(x, y, size, size);
    gl.setScissorTest(true);
    const previousAutoClear = gl.autoClear;
    gl.autoClear = false;
    gl.render(this.quadScene, this.quadCamera);
    gl.autoClear = previousAutoClear;
    gl.setScissorTest(false);
  }

  /** A PNG data URL of a view's current image (for handouts and tests). */
  capture(scene: Scene, view: XrayView, look: FluoroLook, size = 512): string {
    const gl = this.gl;
    this.renderLineIntegral(scene, view);
    const target = new WebGLRenderTarget(size, size, { type: UnsignedByteType, depthBuffer: false });
    const previousTarget = gl.getRenderTarget();
    const viewport = gl.getViewport(new Vector4());
    gl.setRenderTarget(target);
    this.drawPanel(view, 0, 0, size / gl.getPixelRatio(), look);
    const pixels = new Uint8Array(size * size * 4);
    gl.readRenderTargetPixels(target, 0, 0, size, size, pixels);
    gl.setRenderTarget(previousTarget);
    gl.setViewport(viewport);
    target.dispose();
    const canvas = document.createElement('canvas');
    canvas.width = size;
    canvas.height = size;
    const ctx = canvas.getContext('2d')!;
    const image = ctx.createImageData(size, size);
    // WebGL rows run bottom-up.
    for (let row = 0; row < size; row++) {
      image.data.set(pixels.subarray((size - 1 - row) * size * 4, (size - row) * size * 4), row * size * 4);
    }
    ctx.putImageData(image, 0, 0);
    return canvas.toDataURL('image/png');
  }

  dispose(): void {
    this.floatTargets.ap.dispose();
    this.floatTargets.lateral.dispose();
    this.display.dispose();
    this.body.dispose();
    (this.quadScene.children[0] as Mesh).geometry.dispose();
    (this.bodyScene.children[0] as Mesh).geometry.dispose();
  }

  /** The body pass's rays: the camera's position and axes (the cone of the line-integral pass). */
  private setBodyRay(): void {
    const u = this.body.uniforms;
    const m = this.camera.matrixWorld.elements;
    (u.uSource!.value as Vector3).copy(this.camera.position);
    (u.uRight!.value as Vector3).set(m[0]!, m[1]!, m[2]!);
    (u.uUp!.value as Vector3).set(m[4]!, m[5]!, m[6]!);
    (u.uForward!.value as Vector3).set(-m[8]!, -m[9]!, -m[10]!);
    u.uTanHalf!.value = Math.tan(((this.camera.fov / 2) * Math.PI) / 180);
  }

  private swapInObject(object: Object3D): void {
    if (!(object instanceof Mesh)) return;
    const fluoro = this.materialOf(object);
    const i = this.swappedCount++;
    this.swappedMeshes[i] = object;
    this.swappedMaterials[i] = object.material;
    this.swappedVisible[i] = object.visible;
    if (fluoro) {
      object.material = fluoro;
      const spread = (fluoro as Partial<ShaderMaterial>).uniforms?.uInterdigitation;
      if (spread) spread.value = this.interdigitation;
      if (object.userData.fluoroAlways) object.visible = true;
    } else {
      object.visible = false;
    }
  }
}

const ORIGIN = new Vector3(0, 0, 0);
