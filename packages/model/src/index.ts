export * from './block-definition.js';
export * from './blocks/index.js';
export * from './flow.js';
export * from './problems.js';
export * from './resources.js';
export * from './schema/index.js';
export * from './system-variables.js';
