export * from './workshops.js';
export * from './api.js';
