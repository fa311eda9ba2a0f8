import { Matrix4, type Material } from 'three';
import { holeFromView, type CutHole } from './cutaway';

/**
 * Leaves a line drawn on the cut face out where the face is open. Over the balloon's hollow (the cutaway's hole)
 * there is no bone for the line to lie on, and a line drawn across the opening, in front of the balloon, read as
 * the balloon breaking through the endplate into the disc. The test is the bone's own (boneMaterial's cavity: the
 * hollow is a unit sphere in its object's frame), run on the line's fragments.
 */
export function leaveOutOverHole(material: Material, hole: CutHole): void {
  const cavityFromView = { value: new Matrix4() };
  const open = { value: 0 };
  material.onBeforeCompile = (shader) => {
    shader.uniforms.uLineCavityFromView = cavityFromView;
    shader.uniforms.uLineCavityOn = open;
    shader.vertexShader = shader.vertexShader
      .replace('void main() {', 'varying vec3 vLineView;\nvoid main() {')
      .replace('#include <project_vertex>', '#include <project_vertex>\n\tvLineView = mvPosition.xyz;');
    shader.fragmentShader = shader.fragmentShader
      .replace(
        'void main() {',
        'uniform mat4 uLineCavityFromView;\nuniform float uLineCavityOn;\nvarying vec3 vLineView;\nvoid main() {',
      )
      .replace(
        '#include <clipping_planes_fragment>',
        `#include <clipping_planes_fragment>
\tif (uLineCavityOn > 0.5 && length((uLineCavityFromView * vec4(vLineView, 1.0)).xyz) < 1.0) discard;`,
      );
  };
  material.onBeforeRender = (_renderer, _scene, camera) => {
    open.value = holeFromView(hole, camera, cavityFromView.value) ? 1 : 0;
  };
  // One program for every line left out over the hollow, apart from plain lines.
  material.customProgramCacheKey = () => 'spv-line-over-hole';
}
