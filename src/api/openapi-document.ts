import { systemClock } from '../platform/clock.ts';
import { connect } from '../platform/db/database.ts';
import { secretBox } from '../platform/secrets.ts';
import { buildApp } from './app.ts';

/** The OpenAPI document the app serves at /openapi.json, built without a database. */
export async function openApiDocument(): Promise<unknown> {
  // Routes are only registered, never called: the pool is created but never connects.
  const db = connect('postgres://localhost:1/unused', 1);
  const app = await buildApp({ db, readDb: db, clock: systemClock, secrets: secretBox(Buffer.alloc(32)) });
  await app.ready();
  const document = app.swagger();
  await app.close();
  await db.destroy();
  return document;
}
