import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@senda/domain';
import {
  addOrganization,
  addUser,
  apiError,
  createTestEnv,
  intake,
  request,
  signIn,
  type Session,
  type TestEnv,
  must,
} from './harness.js';

const API = '/api/v1';
type NoteClass = 'general' | 'legal' | 'psychosocial';
const CLASSES: NoteClass[] = ['general', 'legal', 'psychosocial'];
const ROLES = [
  'admin',
  'coordinator',
  'lawyer',
  'psychologist',
  'social_worker',
  'intake',
] as const satisfies Role[];

/** The rule: general for everyone with the case, legal for lawyers and coordinators, psychosocial for psychologists. */
const MAY: Record<(typeof ROLES)[number], NoteClass[]> = {
  admin: ['general'],
  coordinator: ['general', 'legal'],
  lawyer: ['general', 'legal'],
  psychologist: ['general', 'psychosocial'],
  social_worker: ['general'],
  intake: ['general'],
};
const TEXT: Record<NoteClass, string> = {
  general: 'Cita el martes en el albergue',
  legal: 'Solicitud ante COMAR presentada; falta constancia',
  psychosocial: 'Refiere pesadillas frecuentes desde el cruce',
};

let env: TestEnv;
const s = {} as Record<(typeof ROLES)[number], Session>;
let caseId: string;
let otherCaseId: string;
const noteIds = {} as Record<NoteClass, string>;

interface NoteItem {
  id: string;
  noteClass: NoteClass;
  body: string;
  authorName: string;
  createdAt: string;
}
const notesOf = async (session: Session, id = caseId) => {
  const res = await request(env, session, 'GET', `${API}/cases/${id}/notes`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ items: NoteItem[] }>().items;
};

beforeAll(async () => {
  env = await createTestEnv();
  const org = await addOrganization(env, 'Clínica', 'IMU');
  for (const role of ROLES) {
    await addUser(env, org, role, `${role}@imu.test`);
    s[role] = await signIn(env, `${role}@imu.test`);
  }
  const created = await request(env, s.lawyer, 'POST', `${API}/cases`, intake());
  caseId = created.json<{ id: string }>().id;
  otherCaseId = (await request(env, s.lawyer, 'POST', `${API}/cases`, intake({ givenNames: 'Otra' }))).json<{
    id: string;
  }>().id;
  for (const role of ['psychologist', 'social_worker', 'intake'] as const) {
    for (const id of [caseId, otherCaseId]) {
      const res = await request(env, s.coordinator, 'PUT', `${API}/cases/${id}/staff/${s[role].userId}`, {
        roleOnCase: role,
      });
      expect(res.statusCode).toBe(200);
    }
  }
  const authors: Record<NoteClass, Session> = {
    general: s.social_worker,
    legal: s.lawyer,
    psychosocial: s.psychologist,
  };
  for (const noteClass of CLASSES) {
    const res = await request(env, authors[noteClass], 'POST', `${API}/cases/${caseId}/notes`, {
      noteClass,
      body: `  ${TEXT[noteClass]}\n`,
    });
    expect(res.statusCode, res.body).toBe(201);
    const note = res.json<NoteItem>();
    expect(note).toMatchObject({ noteClass, body: TEXT[noteClass] });
    noteIds[noteClass] = note.id;
  }
});
afterAll(() => env.close());

describe('who reads which notes', () => {
  it.each(ROLES)('%s reads exactly the classes she may', async (role) => {
    const items = await notesOf(s[role]);
    expect(items.map((n) => n.noteClass).sort()).toEqual([...MAY[role]].sort());
    for (const n of items) expect(n.body).toBe(TEXT[n.noteClass]);
    const res = await request(env, s[role], 'GET', `${API}/cases/${caseId}/notes`);
    for (const c of CLASSES.filter((c) => !MAY[role].includes(c))) expect(res.body).not.toContain(TEXT[c]);
  });

  it.each(ROLES)('%s is told her note classes on the case page', async (role) => {
    const res = await request(env, s[role], 'GET', `${API}/cases/${caseId}`);
    expect(res.json()).toMatchObject({
      abilities: { readNoteClasses: MAY[role], writeNoteClasses: MAY[role] },
    });
  });

  it('lists notes newest first, with the author', async () => {
    await request(env, s.intake, 'POST', `${API}/cases/${caseId}/notes`, {
      noteClass: 'general',
      body: 'La más reciente',
    });
    const items = await notesOf(s.coordinator);
    expect(items[0]).toMatchObject({
      body: 'La más reciente',
      authorName: expect.stringContaining('intake') as string,
    });
    const times = items.map((n) => n.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
  });
});

describe('who writes which notes', () => {
  const rows = ROLES.flatMap((role) =>
    CLASSES.map((noteClass) => ({ role, noteClass, allowed: MAY[role].includes(noteClass) })),
  );
  it.each(
    rows.map((r) => [`${r.role} writing a ${r.noteClass} note → ${r.allowed ? 201 : 403}`, r] as const),
  )('%s', async (_name, { role, noteClass, allowed }) => {
    const before = await env.ctx.db
      .selectFrom('case_notes')
      .select('id')
      .where('case_id', '=', otherCaseId)
      .execute();
    const res = await request(env, s[role], 'POST', `${API}/cases/${otherCaseId}/notes`, {
      noteClass,
      body: `Nota de ${role}`,
    });
    const after = await env.ctx.db
      .selectFrom('case_notes')
      .select('id')
      .where('case_id', '=', otherCaseId)
      .execute();
    if (allowed) {
      expect(res.statusCode).toBe(201);
      expect(after.length).toBe(before.length + 1);
    } else {
      expect(res.statusCode).toBe(403);
      expect(apiError(res).code).toBe('forbidden');
      expect(after.length).toBe(before.length);
    }
  });

  it('validates the note', async () => {
    for (const [body, field] of [
      [
        { noteClass: 'general', body: '   ' },
        { path: 'body', code: 'required' },
      ],
      [
        { noteClass: 'general', body: 'x'.repeat(20001) },
        { path: 'body', code: 'too_long', params: { max: 20000 } },
      ],
      [
        { noteClass: 'secret', body: 'x' },
        { path: 'noteClass', code: 'invalid_choice' },
      ],
      [
        { noteClass: 'general', body: 'x', author: 'someone' },
        { path: 'author', code: 'unknown_field' },
      ],
    ] as const) {
      const res = await request(env, s.coordinator, 'POST', `${API}/cases/${caseId}/notes`, body);
      expect(res.statusCode).toBe(400);
      expect(apiError(res).fields).toEqual([field]);
    }
  });
});

describe('notes at rest', () => {
  it('stores the body encrypted: the column holds none of the text, and equal texts differ', async () => {
    const rows = await env.ctx.db
      .selectFrom('case_notes')
      .selectAll()
      .where('case_id', '=', caseId)
      .execute();
    expect(rows.length).toBeGreaterThanOrEqual(3);
    const dump = JSON.stringify(rows);
    for (const text of Object.values(TEXT)) {
      for (const word of text.split(' ').filter((w) => w.length > 5)) expect(dump).not.toContain(word);
    }
    const a = await request(env, s.intake, 'POST', `${API}/cases/${caseId}/notes`, {
      noteClass: 'general',
      body: 'Mismo texto',
    });
    const b = await request(env, s.intake, 'POST', `${API}/cases/${caseId}/notes`, {
      noteClass: 'general',
      body: 'Mismo texto',
    });
    const enc = await env.ctx.db
      .selectFrom('case_notes')
      .select('body_enc')
      .where('id', 'in', [a.json<NoteItem>().id, b.json<NoteItem>().id])
      .execute();
    expect(must(enc[0]).body_enc).not.toBe(must(enc[1]).body_enc);
    expect((await notesOf(s.intake)).filter((n) => n.body === 'Mismo texto')).toHaveLength(2);
  });

  it('never shows the text of an altered ciphertext', async () => {
    const created = await request(env, s.psychologist, 'POST', `${API}/cases/${otherCaseId}/notes`, {
      noteClass: 'psychosocial',
      body: 'Texto que será alterado',
    });
    const id = created.json<NoteItem>().id;
    const row = await env.ctx.db
      .selectFrom('case_notes')
      .select('body_enc')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const last = row.body_enc.at(-2) === 'A' ? 'B' : 'A';
    const tampered = row.body_enc.slice(0, -2) + last + row.body_enc.slice(-1);
    await env.ctx.db.updateTable('case_notes').set({ body_enc: tampered }).where('id', '=', id).execute();
    const res = await request(env, s.psychologist, 'GET', `${API}/cases/${otherCaseId}/notes`);
    // The note is listed as unreadable, without text; the case's other notes stay readable.
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('Texto que será alterado');
    const items = res.json<{ items: (NoteItem & { unreadable: boolean })[] }>().items;
    expect(items.find((n) => n.id === id)).toMatchObject({ body: '', unreadable: true });
    expect(items.filter((n) => n.id !== id).every((n) => !n.unreadable && n.body.length > 0)).toBe(true);
    await env.ctx.db.deleteFrom('case_notes').where('id', '=', id).execute();
  });

  it('never shows a ciphertext moved to another note (for instance a psychosocial note made general)', async () => {
    const secret = await env.ctx.db
      .selectFrom('case_notes')
      .select('body_enc')
      .where('id', '=', noteIds.psychosocial)
      .executeTakeFirstOrThrow();
    const created = await request(env, s.intake, 'POST', `${API}/cases/${otherCaseId}/notes`, {
      noteClass: 'general',
      body: 'Nota general',
    });
    const target = created.json<NoteItem>().id;
    await env.ctx.db
      .updateTable('case_notes')
      .set({ body_enc: secret.body_enc })
      .where('id', '=', target)
      .execute();
    await expect(env.ctx.cipher.decrypt(secret.body_enc, `case_notes:body:${target}`)).rejects.toThrow();
    for (const role of ['intake', 'social_worker', 'coordinator', 'admin'] as const) {
      const res = await request(env, s[role], 'GET', `${API}/cases/${otherCaseId}/notes`);
      expect(res.body, role).not.toContain(TEXT.psychosocial);
      if (res.statusCode !== 200) apiError(res);
    }
    await env.ctx.db.deleteFrom('case_notes').where('id', '=', target).execute();
    expect((await notesOf(s.psychologist)).find((n) => n.id === noteIds.psychosocial)?.body).toBe(
      TEXT.psychosocial,
    );
  });
});
