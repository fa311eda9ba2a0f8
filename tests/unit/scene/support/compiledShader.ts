import { ShaderLib, type Material, type WebGLProgramParametersWithUniforms } from 'three';

/** Runs a material's onBeforeCompile on three's own shader (the standard one unless told), as the renderer would. */
export function compiled(
  material: Material,
  lib: 'standard' | 'basic' = 'standard',
): {
  vertex: string;
  fragment: string;
  uniforms: Record<string, unknown>;
} {
  const shader = {
    uniforms: {},
    vertexShader: ShaderLib[lib].vertexShader,
    fragmentShader: ShaderLib[lib].fragmentShader,
  } as unknown as WebGLProgramParametersWithUniforms;
  material.onBeforeCompile(shader, undefined as never);
  return { vertex: shader.vertexShader, fragment: shader.fragmentShader, uniforms: shader.uniforms };
}
