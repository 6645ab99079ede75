export * from './disclosure.js';
export * from './filters.js';
export * from './api.js';
export * from './privacy.js';
export * from './releases.js';
export * from './networks.js';
