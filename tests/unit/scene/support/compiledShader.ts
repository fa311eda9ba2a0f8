import { ShaderLib, type Material, type WebGLProgramParametersWithUniforms } from 'three';

/** Runs a material's onBeforeCompile on three's own standard shader, as the renderer would. */
export function compiled(material: Material): {
  vertex: string;
  fragment: string;
  uniforms: Record<string, unknown>;
} {
  const shader = {
    uniforms: {},
    vertexShader: ShaderLib.standard.vertexShader,
    fragmentShader: ShaderLib.standard.fragmentShader,
  } as unknown as WebGLProgramParametersWithUniforms;
  material.onBeforeCompile(shader, undefined as never);
  return { vertex: shader.vertexShader, fragment: shader.fragmentShader, uniforms: shader.uniforms };
}
