import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv, must } from './harness.js';

let env: TestEnv;
let res: LightMyRequestResponse;
let doc: OpenApiDoc;
beforeAll(async () => {
  env = await createTestEnv();
  // No cookie: the description is public.
  res = await env.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
  doc = res.json<OpenApiDoc>();
});
afterAll(() => env.close());

interface OpenApiDoc {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<
    string,
    Record<
      string,
      {
        requestBody?: unknown;
        responses?: Record<string, unknown>;
        parameters?: { name: string; in: string }[];
      }
    >
  >;
  components?: { securitySchemes?: Record<string, unknown> };
}

describe('GET /api/v1/openapi.json', () => {
  it('is public and is an OpenAPI 3 document', () => {
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(doc.openapi).toMatch(/^3\.\d+\.\d+$/);
    expect(doc.info.title).toBe('Senda API');
    expect(doc.components?.securitySchemes).toHaveProperty('session');
  });

  it.each([
    ['/api/v1/health', 'get'],
    ['/api/v1/session', 'get'],
    ['/api/v1/session', 'post'],
    ['/api/v1/session', 'delete'],
    ['/api/v1/cases', 'get'],
    ['/api/v1/cases', 'post'],
    ['/api/v1/cases/search', 'post'],
    ['/api/v1/cases/{id}', 'get'],
    ['/api/v1/cases/{id}', 'patch'],
    ['/api/v1/cases/{id}/notes', 'get'],
    ['/api/v1/cases/{id}/notes', 'post'],
    ['/api/v1/users', 'get'],
    ['/api/v1/users', 'post'],
    ['/api/v1/users/{id}', 'patch'],
  ])('documents %s %s', (path, method) => {
    const op = doc.paths[path]?.[method];
    expect(op, `${method} ${path}`).toBeDefined();
    expect(Object.keys(must(op).responses ?? {})).not.toEqual([]);
  });

  it('documents request bodies and path parameters from the shared schemas', () => {
    const create = must(doc.paths['/api/v1/cases']?.post);
    expect(JSON.stringify(create.requestBody)).toContain('givenNames');
    expect(JSON.stringify(create.responses?.['201'])).toContain('abilities');
    expect(must(doc.paths['/api/v1/cases/{id}']?.get).parameters).toContainEqual(
      expect.objectContaining({ name: 'id', in: 'path' }),
    );
    expect(JSON.stringify(must(doc.paths['/api/v1/cases/{id}/notes']?.post).requestBody)).toContain(
      'psychosocial',
    );
  });

  it('does not list itself', () => {
    expect(Object.keys(doc.paths)).not.toContain('/api/v1/openapi.json');
  });
});
