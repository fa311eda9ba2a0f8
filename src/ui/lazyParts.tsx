import { useEffect, useState, type ComponentType } from 'react';

/*
 * Parts of the viewer's UI that the default first picture does not show (the clinician's readouts, the step
 * list, the patient information panel, the level picker's extra levels): each is its own chunk, fetched when first shown. (Not the clinician's settings button: it sits in the top
 * bar, whose width decides at mount whether the secondary controls fold into the More menu.) A viewer that opens showing one (a
 * clinician link) fetches it at mount, long before the model and the canvas chunk are in; every other viewer
 * fetches them all right after its first frame (preloadLazyParts), so opening one later is instant, offline too.
 * Not React.lazy: a part already fetched renders in the same commit (no Suspense fallback, whose reveal React
 * may hold back by up to 300 ms), so opening the step list moves focus into it at once.
 */

/** A part: its component, and how to fetch it ahead of use. */
interface LazyPart<P> {
  Component: ComponentType<P>;
  preload(): Promise<unknown>;
}

function lazyPart<P extends object>(load: () => Promise<ComponentType<P>>): LazyPart<P> {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;
  const preload = () => {
    pending ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        // A chunk that failed (a flaky network) is fetched again the next time the part is shown.
        pending = null;
        throw error;
      },
    );
    return pending;
  };
  function Part(props: P) {
    const [, setHere] = useState(loaded !== null);
    useEffect(() => {
      if (loaded) return;
      let mounted = true;
      preload().then(
        () => mounted && setHere(true),
        () => undefined,
      );
      return () => {
        mounted = false;
      };
    }, []);
    const Loaded = loaded;
    return Loaded ? <Loaded {...props} /> : null;
  }
  return { Component: Part, preload };
}

const readouts = lazyPart(() => import('./ReadoutPanel').then((m) => m.ReadoutPanel));
const steps = lazyPart(() => import('./StepList').then((m) => m.StepList));
const patientPanel = lazyPart(() => import('./PatientInfo').then((m) => m.PatientPanel));
const alsoTreat = lazyPart(() => import('./AlsoTreatFields').then((m) => m.AlsoTreatFields));
const scanUi = lazyPart(() => import('./scan/ScanUi').then((m) => m.ScanUi));

export const ReadoutPanel = readouts.Component;
export const StepList = steps.Component;
/** The open patient information section (shown when a "Who is it for? / Risks / Recovery" button is pressed). */
export const PatientPanel = patientPanel.Component;
/** The level picker's menus for a second and third level (shown when the picker opens). */
export const AlsoTreatFields = alsoTreat.Component;
/** The surgeon's tools for the patient's own CT (clinicians only: fetched at mount there, never preloaded). */
export const ScanUi = scanUi.Component;

/** Fetch every lazy part now (after the first frame); one that fails is fetched again when shown. */
export function preloadLazyParts(): void {
  for (const part of [readouts, steps, patientPanel, alsoTreat]) void part.preload().catch(() => undefined);
}
