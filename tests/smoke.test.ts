import request from 'supertest';
import type { Core } from '@strapi/strapi';
import { startStrapi, stopStrapi } from './helpers/strapi';

let strapi: Core.Strapi;
beforeAll(async () => { strapi = await startStrapi('smoke'); });
afterAll(async () => { await stopStrapi(strapi); });

it('boots and seeds categories', async () => {
  const res = await request(strapi.server.httpServer).get('/api/disclosure-categories?pagination[pageSize]=100');
  expect(res.status).toBe(200);
  expect(res.body.data.length).toBe(41);
});
