export * from './defs.js';
export * from './flow-schema.js';
export * from './flow-test-schema.js';
export * from './resources-schema.js';
