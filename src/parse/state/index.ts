export { buildClusterState, type ClusterStateModel } from './cluster-state.js';
export { RELATIONS } from './relations.js';
export { labelSelector, mapSelector } from './selectors.js';
export { fieldLine } from './lines.js';
