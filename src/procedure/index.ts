export * from './types';
export { KYPHOPLASTY, VERTEBROPLASTY } from './steps';
export { buildTimeline, timelineFor, clampTime, stepIndexAt, findStep, stepStart } from './timeline';
export { stateAt } from './stateAt';
export { createProcedureState, type ProcedureState } from './procedureState';
export { mapTimeToProcedure } from './toggleMapping';
export { accessPlan, tipAt, TROCAR_LENGTH_MM, type NeedlePath, type AccessPlan } from './accessPath';
export { fractureProfile, GENANT_HEIGHT_LOSS } from './fracture';
