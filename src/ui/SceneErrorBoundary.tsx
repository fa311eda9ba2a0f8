import { Component, type ReactNode } from 'react';

/** SceneErrorBoundaryProps: what to show if the 3D scene fails (e.g. the model cannot load). */
export interface SceneErrorBoundaryProps {
  /** Rendered instead of the scene after a failure. */
  fallback: ReactNode;
  /** Told once about the failure (the viewer raises an `error` event). */
  onError: (error: Error) => void;
  children: ReactNode;
}

/** Keeps a failed scene from taking the captions, step list and controls down with it. */
export class SceneErrorBoundary extends Component<SceneErrorBoundaryProps, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: Error): void {
    this.props.onError(error);
  }

  override render(): ReactNode {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}
