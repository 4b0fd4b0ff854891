import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { verifyLedger } from '../ledger/verify.ts';
import { createTestApp, type ApiClient, type ApiResponse } from './testing/test-app.ts';

const t = await createTestApp('2026-03-02T12:00:00Z');

/** Seed 000's beauty shop: skin type and lifestyle (single choice), products owned (multiple), birthday, a note. */
const QUESTIONS = {
  skin_type: { key: 'skin_type', type: 'single_choice', required: true, text: { en: 'What is your skin type?', ar: 'ما نوع بشرتك؟' }, options: [{ value: 'dry', label: { en: 'Dry', ar: 'جافة' } }, { value: 'oily', label: { en: 'Oily' } }, { value: 'combination', label: { en: 'Combination' } }] },
  products_owned: { key: 'products_owned', type: 'multiple_choice', required: true, text: { en: 'Which of our products do you own?' }, options: [{ value: 'serum', label: { en: 'Serum' } }, { value: 'sunscreen', label: { en: 'Sunscreen' } }, { value: 'cleanser', label: { en: 'Cleanser' } }] },
  born_on: { key: 'born_on', type: 'date', text: { en: 'When were you born?' } },
  routine: { key: 'routine', type: 'text', text: { en: 'Tell us about your routine' } },
};

type Answer = Pick<ApiResponse, 'status' | 'body'>;

async function shop(): Promise<{ api: ApiClient; shopper: (sub: string) => Promise<{ id: string; get: (locale?: string) => Promise<Answer>; put: (answers: unknown) => Promise<Answer> }> }> {
  const api = await t.newProgram({ name: 'Glow' });
  const { secret, publishable_key } = (await api.post('/v1/program/widget-secret')).body;
  const shopper = async (sub: string) => {
    const iat = Math.floor(t.clock.now().getTime() / 1000);
    const token = await new SignJWT({ email: `${sub}@example.com` }).setProtectedHeader({ alg: 'HS256' }).setSubject(sub).setAudience('regulars').setIssuedAt(iat).setExpirationTime(iat + 3600).sign(new TextEncoder().encode(secret));
    const call = async (method: 'GET' | 'PUT', url: string, body?: unknown): Promise<Answer> => {
      const response = await t.app.inject({ method, url, payload: body as object | undefined, headers: { 'regulars-publishable-key': publishable_key, authorization: `Bearer ${token}` } });
      return { status: response.statusCode, body: response.json() };
    };
    const me = await call('GET', '/storefront/v1/me');
    return {
      id: me.body.customer_id as string,
      get: (locale?: string) => call('GET', `/storefront/v1/me/profile-questions${locale ? `?locale=${locale}` : ''}`),
      put: (answers: unknown) => call('PUT', '/storefront/v1/me/profile-answers', { answers }),
    };
  };
  return { api, shopper };
}

const ask = async (api: ApiClient, ...keys: (keyof typeof QUESTIONS)[]) => {
  const made: Record<string, { id: string }> = {};
  for (const key of keys) {
    const created = await api.post('/v1/profile-questions', QUESTIONS[key]);
    expect(created.status, key).toBe(201);
    made[key] = created.body;
  }
  return made;
};

describe('profile questions', () => {
  it('creates, lists, changes, deletes and archives questions', async () => {
    const { api, shopper } = await shop();
    const { skin_type, routine } = await ask(api, 'skin_type', 'products_owned', 'routine');
    expect((await api.get(`/v1/profile-questions/${skin_type!.id}`)).body).toMatchObject({ object: 'profile_question', id: expect.stringMatching(/^pq_/), key: 'skin_type', type: 'single_choice', required: true, position: 0, answers: 0, archived_at: null, text: { en: 'What is your skin type?', ar: 'ما نوع بشرتك؟' } });
    expect((await api.get('/v1/profile-questions')).body.data.map((q: { key: string; position: number }) => [q.key, q.position])).toEqual([['skin_type', 0], ['products_owned', 1], ['routine', 2]]);

    const changed = await api.patch(`/v1/profile-questions/${skin_type!.id}`, { text: { en: 'Your skin type?', fa: 'نوع پوست شما؟' }, position: 5, options: [...QUESTIONS.skin_type.options, { value: 'sensitive', label: { en: 'Sensitive' } }] });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ text: { en: 'Your skin type?', fa: 'نوع پوست شما؟' }, position: 5, options: expect.arrayContaining([expect.objectContaining({ value: 'sensitive' })]) });
    expect((await api.patch(`/v1/profile-questions/${skin_type!.id}`, { key: 'skin' })).body.error).toMatchObject({ code: 'parameter_unknown', param: 'key' });

    // Once a shopper chose "dry", the option stays.
    expect((await (await shopper('ana')).put({ skin_type: 'dry' })).status).toBe(200);
    const dropped = await api.patch(`/v1/profile-questions/${skin_type!.id}`, { options: QUESTIONS.skin_type.options.slice(1) });
    expect(dropped.body.error).toMatchObject({ type: 'invalid_request', code: 'option_in_use', param: 'options' });
    expect((await api.get(`/v1/profile-questions/${skin_type!.id}`)).body).toMatchObject({ answers: 1, options: expect.arrayContaining([expect.objectContaining({ value: 'dry' })]) });

    // Nobody answered the routine question: it goes. The skin type has an answer: it is archived.
    expect((await api.delete(`/v1/profile-questions/${routine!.id}`)).body).toEqual({ object: 'profile_question', id: routine!.id, deleted: true, archived_at: null });
    expect((await api.get(`/v1/profile-questions/${routine!.id}`)).status).toBe(404);
    const archived = (await api.delete(`/v1/profile-questions/${skin_type!.id}`)).body;
    expect(archived).toMatchObject({ deleted: false, archived_at: t.clock.now().toISOString() });
    expect((await api.get('/v1/profile-questions')).body.data.map((q: { key: string }) => q.key)).toEqual(['products_owned']);
    expect((await api.get('/v1/profile-questions?include_archived=true')).body.data.map((q: { key: string }) => q.key)).toEqual(['products_owned', 'skin_type']);
    // Its key stays taken, and its answer stays the customer's.
    expect((await api.post('/v1/profile-questions', QUESTIONS.skin_type)).body.error).toMatchObject({ type: 'conflict', code: 'key_taken', param: 'key' });
    const ana = await shopper('ana');
    expect((await api.get(`/v1/customers/${ana.id}`)).body.profile).toEqual({ skin_type: 'dry' });
  });

  it('refuses a bad question with 400 naming the field, and creates nothing', async () => {
    const { api } = await shop();
    const base = QUESTIONS.skin_type;
    const cases: [Record<string, unknown>, string][] = [
      [{ ...base, text: { ar: 'نوع البشرة' } }, 'text.en'],
      [{ ...base, text: { en: 'Skin?', de: 'Haut?' } }, 'text.de'],
      [{ ...base, options: [base.options[0]] }, 'options'],
      [{ ...base, options: undefined }, 'options'],
      [{ ...base, options: [base.options[0], { value: 'dry', label: { en: 'Very dry' } }] }, 'options.1.value'],
      [{ ...base, options: [{ value: 'Dry Skin', label: { en: 'Dry' } }, base.options[1]] }, 'options.0.value'],
      [{ ...base, options: [{ value: 'dry', label: { ar: 'جافة' } }, base.options[1]] }, 'options.0.label.en'],
      [{ ...QUESTIONS.routine, options: base.options }, 'options'],
      [{ ...base, key: 'Skin Type' }, 'key'],
      [{ ...base, type: 'slider' }, 'type'],
      [{ ...base, text: { en: '' } }, 'text.en'],
    ];
    for (const [body, param] of cases) {
      const refused = await api.post('/v1/profile-questions', JSON.parse(JSON.stringify(body)));
      expect(refused.status, param).toBe(400);
      expect(refused.body.error, param).toMatchObject({ type: 'invalid_request', param });
    }
    expect((await api.get('/v1/profile-questions?include_archived=true')).body.data).toEqual([]);
  });

  it('shows a shopper the questions in their language with their answers; a bad answer saves nothing', async () => {
    const { api, shopper } = await shop();
    const { products_owned } = await ask(api, 'skin_type', 'products_owned', 'born_on', 'routine');
    const lina = await shopper('lina');
    const arabic = (await lina.get('ar')).body;
    expect(arabic).toMatchObject({ object: 'shopper_profile', locale: 'ar', complete: false, completed_at: null, completion_points: 0 });
    expect(arabic.questions[0]).toEqual({ id: expect.any(String), key: 'skin_type', type: 'single_choice', text: 'ما نوع بشرتك؟', required: true, answer: null, options: [{ value: 'dry', label: 'جافة' }, { value: 'oily', label: 'Oily' }, { value: 'combination', label: 'Combination' }] });
    expect(arabic.questions[1].text).toBe('Which of our products do you own?');

    const refusals: [Record<string, unknown>, string, string][] = [
      [{ skin_type: 'normal' }, 'answers.skin_type', 'answer_invalid'],
      [{ skin_type: ['dry'] }, 'answers.skin_type', 'answer_invalid'],
      [{ products_owned: ['serum', 'serum'] }, 'answers.products_owned', 'answer_invalid'],
      [{ products_owned: ['serum', 'toner'] }, 'answers.products_owned', 'answer_invalid'],
      [{ products_owned: [] }, 'answers.products_owned', 'answer_invalid'],
      [{ born_on: '2026-03-04' }, 'answers.born_on', 'answer_invalid'],
      [{ born_on: '1990-02-30' }, 'answers.born_on', 'answer_invalid'],
      [{ routine: '   ' }, 'answers.routine', 'answer_invalid'],
      [{ routine: 'x'.repeat(501) }, 'answers.routine', 'answer_invalid'],
      [{ star_sign: 'leo' }, 'answers.star_sign', 'question_unknown'],
      [{ routine: 42 }, 'answers.routine', 'parameter_invalid'],
      // One good answer and one bad: neither is saved.
      [{ skin_type: 'dry', born_on: 'yesterday' }, 'answers.born_on', 'answer_invalid'],
    ];
    for (const [answers, param, code] of refusals) {
      const refused = await lina.put(answers);
      expect(refused.status, JSON.stringify(answers)).toBe(400);
      expect(refused.body.error, JSON.stringify(answers)).toMatchObject({ type: 'invalid_request', code, param });
    }
    expect((await api.get(`/v1/customers/${lina.id}/profile-answers`)).body).toMatchObject({ answers: [], profile: {} });
    expect(await t.db.selectFrom('program_events').select('id').where('customer_id', '=', lina.id).where('type', 'like', 'profile.%').execute()).toEqual([]);

    // Today (already so in the earliest time zone) is not the future; a text is trimmed; by key or by id.
    const saved = await lina.put({ skin_type: 'combination', [products_owned!.id]: ['sunscreen', 'serum'], born_on: '2026-03-02', routine: '  Sunscreen every morning.  ' });
    expect(saved.status).toBe(200);
    expect(saved.body.questions.map((q: { answer: unknown }) => q.answer)).toEqual(['combination', ['sunscreen', 'serum'], '2026-03-02', 'Sunscreen every morning.']);
    expect(saved.body).toMatchObject({ complete: true, points_awarded: 0 });
    const merchant = (await api.get(`/v1/customers/${lina.id}/profile-answers`)).body;
    expect(merchant.profile).toEqual({ skin_type: 'combination', products_owned: ['sunscreen', 'serum'], born_on: '2026-03-02', routine: 'Sunscreen every morning.' });
    expect(merchant.answers[0]).toEqual({ question_id: expect.stringMatching(/^pq_/), key: 'skin_type', value: 'combination', answered_at: '2026-03-02T12:00:00.000Z' });
    const [answered] = (await api.get(`/v1/program-events?customer_id=${lina.id}&type=profile.answered`)).body.data;
    expect(answered.data).toMatchObject({ by: 'shopper', answers: { skin_type: 'combination', routine: 'Sunscreen every morning.' } });

    // null takes an answer away; the merchant may set one too.
    expect((await lina.put({ routine: null })).body.questions[3].answer).toBeNull();
    expect((await api.put(`/v1/customers/${lina.id}/profile-answers`, { answers: { skin_type: 'oily' } })).body).toMatchObject({ profile: { skin_type: 'oily', products_owned: ['sunscreen', 'serum'], born_on: '2026-03-02' }, points_awarded: 0 });
    expect((await api.put('/v1/customers/cus_missing/profile-answers', { answers: { skin_type: 'oily' } })).status).toBe(404);
  });

  it('awards profile_completed once, the first time every required question is answered: never again on a retry, a re-save or a second completion', async () => {
    const { api, shopper } = await shop();
    await api.post('/v1/earning-rules', { name: 'Complete your profile', type: 'action', event_type: 'profile_completed', points: 50 });
    await ask(api, 'skin_type', 'products_owned', 'routine');
    const sam = await shopper('sam');
    expect((await sam.get()).body).toMatchObject({ complete: false, completion_points: 50 });

    expect((await sam.put({ skin_type: 'dry', routine: 'Water' })).body).toMatchObject({ complete: false, points_awarded: 0 });
    const done = (await sam.put({ products_owned: ['serum'] })).body;
    expect(done).toMatchObject({ complete: true, points_awarded: 50, completed_at: '2026-03-02T12:00:00.000Z', completion_points: 0 });
    for (const again of [{ products_owned: ['serum'] }, { products_owned: ['serum', 'cleanser'] }, { products_owned: null }, { products_owned: ['sunscreen'] }]) expect((await sam.put(again)).body.points_awarded).toBe(0);
    expect((await api.put(`/v1/customers/${sam.id}/profile-answers`, { answers: { skin_type: 'oily' } })).body).toMatchObject({ points_awarded: 0, completed_at: '2026-03-02T12:00:00.000Z' });
    expect((await api.get(`/v1/customers/${sam.id}`)).body.points_balance).toBe(50);
    const completed = (await api.get(`/v1/program-events?customer_id=${sam.id}&type=profile.completed`)).body.data;
    expect(completed).toHaveLength(1);
    expect(completed[0].data).toMatchObject({ points_awarded: 50 });

    // Two saves racing to complete one profile: the customer is locked, one of them awards.
    const kim = await shopper('kim');
    const racing = await Promise.all([kim.put({ skin_type: 'dry', products_owned: ['serum'] }), kim.put({ skin_type: 'oily', products_owned: ['cleanser'] })]);
    expect(racing.map((r) => r.body.points_awarded).sort()).toEqual([0, 50]);
    expect((await api.get(`/v1/customers/${kim.id}`)).body.points_balance).toBe(50);
    expect((await verifyLedger(t.db)).discrepancies).toEqual([]);
  });

  it('finds customers by their answers in a segment, by key or by id; refuses a condition on an unknown question or option', async () => {
    const { api, shopper } = await shop();
    const { skin_type } = await ask(api, 'skin_type', 'products_owned', 'routine');
    const [ana, ben, cy, dee] = await Promise.all(['ana', 'ben', 'cy', 'dee'].map(shopper));
    await ana!.put({ skin_type: 'dry', products_owned: ['serum', 'sunscreen'], routine: 'Vegan products only' });
    await ben!.put({ skin_type: 'oily', products_owned: ['serum'] });
    await cy!.put({ skin_type: 'dry', routine: 'Nothing fancy' });
    const count = async (condition: Record<string, unknown>) => {
      const preview = await api.post('/v1/segments/preview', { match: 'all', conditions: [condition] });
      expect(preview.status, JSON.stringify(condition)).toBe(200);
      return preview.body.count as number;
    };
    expect(await count({ type: 'profile_answer', key: 'skin_type', op: 'is', values: ['dry'] })).toBe(2);
    expect(await count({ type: 'profile_answer', question_id: skin_type!.id, op: 'is_not', values: ['dry'] })).toBe(1);
    expect(await count({ type: 'profile_answer', key: 'skin_type', op: 'answered' })).toBe(3);
    expect(await count({ type: 'profile_answer', key: 'skin_type', op: 'not_answered' })).toBe(1);
    expect(await count({ type: 'profile_answer', key: 'products_owned', op: 'includes', values: ['sunscreen'] })).toBe(1);
    expect(await count({ type: 'profile_answer', key: 'products_owned', op: 'includes', values: ['serum', 'cleanser'] })).toBe(2);
    expect(await count({ type: 'profile_answer', key: 'products_owned', op: 'is', values: ['serum'] })).toBe(1);
    expect(await count({ type: 'profile_answer', key: 'products_owned', op: 'is_not', values: ['sunscreen'] })).toBe(1);
    expect(await count({ type: 'profile_answer', key: 'routine', op: 'includes', values: ['VEGAN'] })).toBe(1);
    expect(await count({ type: 'profile_answer', key: 'routine', op: 'is', values: ['nothing FANCY'] })).toBe(1);

    // Seed 000: an offer for customers with dry skin who do not own the serum yet.
    const segment = (await api.post('/v1/segments', { name: 'Dry skin, no serum', match: 'all', conditions: [{ type: 'profile_answer', key: 'skin_type', op: 'is', values: ['dry'] }, { type: 'profile_answer', key: 'products_owned', op: 'is_not', values: ['serum'] }] })).body;
    expect(segment.count).toBe(0);
    await cy!.put({ products_owned: ['cleanser'] });
    const members = (await api.get(`/v1/segments/${segment.id}/customers`)).body.data.map((c: { id: string }) => c.id);
    expect(members).toEqual([cy!.id]);
    expect(members).not.toContain(dee!.id);

    const refusals: Record<string, unknown>[] = [
      { type: 'profile_answer', key: 'star_sign', op: 'answered' },
      { type: 'profile_answer', question_id: 'pq_missing', op: 'answered' },
      { type: 'profile_answer', key: 'skin_type', op: 'is', values: ['normal'] },
      { type: 'profile_answer', key: 'skin_type', op: 'is' },
      { type: 'profile_answer', key: 'skin_type', op: 'answered', values: ['dry'] },
      { type: 'profile_answer', op: 'answered' },
      { type: 'profile_answer', key: 'skin_type', question_id: skin_type!.id, op: 'answered' },
    ];
    for (const condition of refusals) {
      const refused = await api.post('/v1/segments', { name: 'Bad', match: 'all', conditions: [condition] });
      expect(refused.status, JSON.stringify(condition)).toBe(400);
      expect(refused.body.error.param, JSON.stringify(condition)).toBe('conditions[0]');
    }
    expect((await api.get('/v1/segments')).body.data).toHaveLength(1);
    // A question a segment asks about is archived, not deleted, even before anyone answered it.
    const unanswered = (await api.post('/v1/profile-questions', QUESTIONS.born_on)).body;
    await api.post('/v1/segments', { name: 'Birthdays known', match: 'all', conditions: [{ type: 'profile_answer', key: 'born_on', op: 'answered' }] });
    expect((await api.delete(`/v1/profile-questions/${unanswered.id}`)).body.deleted).toBe(false);
  });

  it('gives email templates the answers as profile.<key>', async () => {
    const { api, shopper } = await shop();
    await ask(api, 'skin_type', 'products_owned');
    const noor = await shopper('noor');
    await noor.put({ skin_type: 'dry', products_owned: ['serum', 'sunscreen'] });
    const content = {
      subject: 'For {{ profile.skin_type }} skin',
      preheader: '',
      heading: 'Hello',
      body: 'You own {{ profile.products_owned | join: " and " }}.{% if profile.products_owned contains "cleanser" %} Thanks!{% else %} Try our cleanser.{% endif %}{% if profile.born_on %} Birthday known.{% endif %}',
      button: 'Shop',
    };
    const preview = await api.post('/v1/email-templates/welcome/preview', { customer_id: noor.id, content });
    expect(preview.status).toBe(200);
    expect(preview.body.subject).toBe('For dry skin');
    expect(preview.body.text).toContain('You own serum and sunscreen. Try our cleanser.');
    expect(preview.body.text).not.toContain('Birthday known');
  });
});
