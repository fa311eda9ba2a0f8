import { AddEquation, CustomBlending, OneFactor } from 'three';

/**
 * Material settings of every pass that adds to the X-ray's Σ μ·L target: no depth test or write (every surface
 * along the ray counts) and plain additive blending (one + one), so the target accumulates the line integral.
 */
export const LINE_INTEGRAL_BLENDING = {
  depthTest: false,
  depthWrite: false,
  transparent: true,
  blending: CustomBlending,
  blendEquation: AddEquation,
  blendSrc: OneFactor,
  blendDst: OneFactor,
} as const;
