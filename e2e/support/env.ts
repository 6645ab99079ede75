/** The server the browser tests start (see playwright.config.ts). */
export const PORT = 3100;
export const BASE_URL = `http://127.0.0.1:${PORT}`;
export const ADMIN_EMAIL = 'admin@e2e.test';
export const ADMIN_PASSWORD = 'tortuga-marina-anida-en-la-playa-2026';
export const ORG_NAME = 'Clínica E2E';
/**
 * Organization prefixes are 2–6 capital letters (ORG_PREFIX_PATTERN in the
 * domain), so the suggested "E2E" is refused by the server: "ETOE" instead.
 */
export const ORG_PREFIX = 'ETOE';
