import { lazy, Suspense, type ComponentType, type JSX } from 'react';

/*
 * Parts of the viewer's UI that the default first picture does not show (the clinician's readouts and settings
 * button, the step list): each is its own chunk, fetched when first shown. A viewer that opens showing one (a
 * clinician link) fetches it at mount, long before the model and the canvas chunk are in; every other viewer
 * fetches them all right after its first frame (preloadLazyParts), so opening one later is instant, offline too.
 */
const LOADERS = {
  readouts: () => import('./ReadoutPanel').then((m) => m.ReadoutPanel),
  clinicianSettings: () => import('./ClinicianSettingsButton').then((m) => m.ClinicianSettingsButton),
  steps: () => import('./StepList').then((m) => m.StepList),
};

/** A component loaded on first render, showing nothing until it is here (its own Suspense boundary). */
function lazyPart<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  const Lazy = lazy(() => load().then((component) => ({ default: component })));
  function LazyPart(props: P) {
    return (
      <Suspense fallback={null}>
        <Lazy {...(props as P & JSX.IntrinsicAttributes)} />
      </Suspense>
    );
  }
  return LazyPart;
}

export const ReadoutPanel = lazyPart(LOADERS.readouts);
export const ClinicianSettingsButton = lazyPart(LOADERS.clinicianSettings);
export const StepList = lazyPart(LOADERS.steps);

/** Fetch every lazy part now (after the first frame); one that fails is fetched again when shown. */
export function preloadLazyParts(): void {
  for (const load of Object.values(LOADERS)) void load().catch(() => undefined);
}
