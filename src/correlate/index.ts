export { type CorrelateInput, type CorrelateResult, correlate } from './correlate.js';
export { EMPTY_STATE, exampleCorrelator, exampleTime, eventsFromRecords, testExamples } from './examples.js';
export { displayTime } from './render.js';
export { foldRoutine, type RoutineFold } from './routine.js';
