export * from './incidents.js';
export * from './api.js';
