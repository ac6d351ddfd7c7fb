export { createApp } from './app.js';
export { ConfigError, loadConfig, type ServerConfig, startupUrl } from './config.js';
export { ApiError } from './http/api-error.js';
export { openApiDocument } from './openapi/document.js';
export { type CallflowService, createService, type ServiceOptions } from './service.js';
