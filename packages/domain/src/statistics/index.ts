export * from './disclosure.js';
export * from './filters.js';
export * from './api.js';
