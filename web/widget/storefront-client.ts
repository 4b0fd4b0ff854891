import type { Locale } from '../../shopper/messages.ts';
import { createRegularsClient, type operations } from '../client/index.ts';

type Json<K extends keyof operations, S extends number = 200> = operations[K]['responses'] extends Record<S, { content: { 'application/json': infer T } }> ? T : never;

export type StorefrontProgram = Json<'getStorefrontProgram'>;
export type Shopper = Json<'getShopper'>;
export type Activity = Json<'listShopperActivity'>['data'][number];
export type ShopperReferral = Json<'getShopperReferral'>;
export type ShopperRedemption = Json<'redeemShopperReward', 201>;
export type ShopperOrder = Json<'getShopperOrder'>;
export type ShopperProfile = Json<'getShopperProfileQuestions'>;
export type ShopperSurvey = Json<'getShopperSurvey'>;
export type SurveySaved = Json<'answerShopperSurvey'>;
export type ShopperGiving = Json<'getShopperGiving'>;
export type ProfileAnswers = NonNullable<operations['saveShopperProfileAnswers']['requestBody']>['content']['application/json']['answers'];
export type ActionClaim = NonNullable<operations['claimShopperAction']['requestBody']>['content']['application/json'];

/** An answer of the storefront API that is not a success: its status and error code (docs/errors.md). */
export class StorefrontError extends Error {
  readonly status: number;
  readonly code: string;
  constructor(status: number, code: string, message: string) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

/**
 * The storefront API as the widget calls it, through the client generated from the OpenAPI
 * document: the program's publishable key on every call, the shopper's customer token when
 * there is one (a JWT as a Bearer token, the Liquid/PHP form as Regulars-HMAC).
 */
export function storefrontClient(baseUrl: string, publishableKey: string, customerToken: string | null) {
  const key = { 'regulars-publishable-key': publishableKey };
  const authorization = customerToken ? { authorization: customerToken.includes('signature=') ? `Regulars-HMAC ${customerToken}` : `Bearer ${customerToken}` } : {};
  // The program is the same for everyone: asked for without the token, so a refused token still shows it.
  const anyone = createRegularsClient({ baseUrl, headers: key });
  const api = createRegularsClient({ baseUrl, headers: { ...key, ...authorization } });
  const answer = async <T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> => {
    const { data, error, response } = await call;
    if (data !== undefined && response.ok) return data;
    const body = (error ?? {}) as { error?: { code?: string; message?: string } };
    throw new StorefrontError(response.status, body.error?.code ?? 'unknown', body.error?.message ?? response.statusText);
  };
  return {
    signedIn: customerToken !== null,
    program: () => answer(anyone.GET('/storefront/v1/program')),
    me: () => answer(api.GET('/storefront/v1/me')),
    activity: () => answer(api.GET('/storefront/v1/me/activity', { params: { query: { limit: 20 } } })),
    referral: () => answer(api.GET('/storefront/v1/me/referral')),
    order: (orderId: string) => answer(api.GET('/storefront/v1/me/orders/{order_id}', { params: { path: { order_id: orderId } } })),
    redeem: (rewardId: string, points?: number) => answer(api.POST('/storefront/v1/me/redemptions', { body: { reward_id: rewardId, ...(points ? { points } : {}) }, headers: { 'idempotency-key': crypto.randomUUID() } })),
    claim: (action: ActionClaim) => answer(api.POST('/storefront/v1/me/actions', { body: action })),
    arrive: (code: string) => answer(api.POST('/storefront/v1/referrals', { body: { code } })),
    profile: (locale: Locale) => answer(api.GET('/storefront/v1/me/profile-questions', { params: { query: { locale } } })),
    saveProfile: (answers: ProfileAnswers, locale: Locale) => answer(api.PUT('/storefront/v1/me/profile-answers', { body: { answers }, params: { query: { locale } } })),
    survey: () => answer(api.GET('/storefront/v1/me/survey')),
    answerSurvey: (score: number, comment: string | null) => answer(api.POST('/storefront/v1/me/survey-answers', { body: { score, comment } })),
    giving: () => answer(api.GET('/storefront/v1/me/giving')),
    chooseCause: (causeId: string | null) => answer(api.PUT('/storefront/v1/me/cause', { body: { cause_id: causeId } })),
  };
}

export type StorefrontClient = ReturnType<typeof storefrontClient>;
