export * from './needs.js';
export * from './plan.js';
export * from './approvals.js';
export * from './api.js';
