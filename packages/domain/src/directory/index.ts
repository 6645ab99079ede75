export * from './directory.js';
export * from './api.js';
