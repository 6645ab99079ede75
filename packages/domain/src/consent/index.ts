export * from './consent.js';
export * from './api.js';
