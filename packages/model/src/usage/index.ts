export * from './rename.js';
export * from './resource-fields.js';
export * from './test-usages.js';
export * from './where-used.js';
