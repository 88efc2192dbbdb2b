export * from './open.js';
export * from './blocks.js';
export * from './decode.js';
export * from './binary.js';
export * from './discover.js';
export * from './rotation.js';
export * from './ignore.js';
export * from './gate.js';
