export * from './states.js';
export * from './referral.js';
export * from './matching.js';
export * from './api.js';
