import { html, LitElement, nothing, type PropertyValues } from 'lit';
import type { Messages } from '../../shopper/messages.ts';
import { themeProperties } from '../../shopper/theme.ts';
import { ICONS } from './icons.ts';
import { loadMessages, matchLocale, RTL, wordsOf, type Locale } from './messages.ts';
import { captureReferralCode, forgetReferralCode, pendingReferralCode } from './referral-capture.ts';
import { storefrontClient, StorefrontError, type Activity, type ProfileAnswers, type Shopper, type ShopperGiving, type ShopperOrder, type ShopperProfile, type ShopperRedemption, type ShopperReferral, type ShopperSurvey, type StorefrontClient, type StorefrontProgram } from './storefront-client.ts';
import { styles } from './styles.ts';
import { guestView } from './views/guest-view.ts';
import { memberView } from './views/member-view.ts';
import { orderView } from './views/order-view.ts';
import type { Reward, View, WayToEarn } from './views/view.ts';

/** Where the widget's script came from is where the engine answers, unless the page says otherwise (api-base). */
const SCRIPT_ORIGIN = new URL(/* @vite-ignore */ '.', import.meta.url).href.replace(/\/$/, '');

/**
 * <regulars-widget publishable-key="pk_…" customer-token="…" locale="ar" mode="launcher|inline|order">:
 * the shopper's side of the program in a shadow root. The launcher paints at once; the panel is
 * a modal dialog (focus kept inside, Escape closes it, focus goes back to the launcher).
 */
export class RegularsWidget extends LitElement {
  static override properties = {
    publishableKey: { type: String, attribute: 'publishable-key' },
    customerToken: { type: String, attribute: 'customer-token' },
    locale: { type: String },
    mode: { type: String, reflect: true },
    apiBase: { type: String, attribute: 'api-base' },
    orderId: { type: String, attribute: 'order-id' },
    orderTotal: { type: Number, attribute: 'order-total' },
    program: { state: true },
    shopper: { state: true },
    referral: { state: true },
    activity: { state: true },
    profile: { state: true },
    profileNote: { state: true },
    survey: { state: true },
    surveyEarned: { state: true },
    surveyNote: { state: true },
    giving: { state: true },
    givingNote: { state: true },
    redeemed: { state: true },
    busy: { state: true },
    copied: { state: true },
    error: { state: true },
    announcement: { state: true },
    messages: { state: true },
    orderEarned: { state: true },
  };
  static override styles = styles;

  declare publishableKey: string;
  declare customerToken: string | null;
  declare locale: string | null;
  declare mode: 'launcher' | 'inline' | 'order';
  declare apiBase: string | null;
  declare orderId: string | null;
  declare orderTotal: number | null;
  declare program: StorefrontProgram | undefined;
  declare shopper: Shopper | undefined;
  declare referral: ShopperReferral | undefined;
  declare activity: Activity[] | undefined;
  declare profile: ShopperProfile | undefined;
  declare profileNote: string | undefined;
  declare survey: ShopperSurvey | undefined;
  declare surveyEarned: number | undefined;
  declare surveyNote: string | undefined;
  declare giving: ShopperGiving | undefined;
  declare givingNote: string | undefined;
  declare redeemed: View['redeemed'];
  declare busy: string | undefined;
  declare copied: string | undefined;
  declare error: string | undefined;
  declare announcement: string;
  declare messages: { locale: Locale; catalog: Messages } | undefined;
  declare orderEarned: ShopperOrder | undefined;

  private client: StorefrontClient | undefined;
  private claimed = new Set<string>();
  private theme = new CSSStyleSheet();
  private loads = 0;

  constructor() {
    super();
    this.publishableKey = '';
    this.customerToken = null;
    this.locale = null;
    this.mode = 'launcher';
    this.apiBase = null;
    this.orderId = null;
    this.orderTotal = null;
    this.announcement = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    captureReferralCode();
  }

  protected override createRenderRoot() {
    const root = super.createRenderRoot() as ShadowRoot;
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, this.theme];
    return root;
  }

  /** The page's language if we speak it (locale attribute, then <html lang>), else the program's. */
  private get language(): Locale {
    return matchLocale(this.locale, document.documentElement.lang) ?? matchLocale(this.program?.default_locale) ?? 'en';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('publishableKey') || changed.has('customerToken') || changed.has('apiBase')) void this.load();
    if (this.messages?.locale !== this.language) void loadMessages(this.language).then((catalog) => (this.messages = { locale: this.language, catalog }));
    if (changed.has('program') && this.program) {
      const properties = Object.entries(themeProperties(this.program.theme)).map(([name, value]) => `${name}: ${value};`);
      this.theme.replaceSync(`:host { ${properties.join(' ')} }`);
    }
  }

  private async load(): Promise<void> {
    if (!this.publishableKey) return;
    const load = ++this.loads;
    const base = this.apiBase ?? SCRIPT_ORIGIN;
    const client = storefrontClient(base, this.publishableKey, this.customerToken || null);
    this.client = client;
    Object.assign(this, { shopper: undefined, referral: undefined, activity: undefined, profile: undefined, profileNote: undefined, survey: undefined, surveyEarned: undefined, surveyNote: undefined, giving: undefined, givingNote: undefined, redeemed: undefined, error: undefined });
    const current = () => load === this.loads;
    // Side by side; a refused token still leaves the program to show, as to a guest.
    const program = client.program();
    const shopper = client.signedIn ? client.me() : Promise.resolve(undefined);
    shopper.catch(() => undefined);
    try {
      const answer = await program;
      if (current()) this.program = answer;
    } catch (error) {
      if (current()) this.fail(error);
      return;
    }
    try {
      const answer = await shopper;
      if (!current() || !answer) return;
      this.shopper = answer;
      await this.afterSignIn(client);
    } catch (error) {
      if (current()) this.fail(error);
    }
  }

  private async afterSignIn(client: StorefrontClient): Promise<void> {
    const code = pendingReferralCode();
    if (code) await client.arrive(code).then(forgetReferralCode, (e: unknown) => e instanceof StorefrontError && e.status < 500 && forgetReferralCode());
    [this.referral, this.profile, this.survey, this.giving] = await Promise.all([
      client.referral().catch(() => undefined),
      client.profile(this.language).catch(() => undefined),
      client.survey().catch(() => undefined),
      client.giving().catch(() => undefined),
    ]);
    if (this.mode === 'order' && this.orderId) void this.watchOrder(client, this.orderId);
  }

  /** The store's order webhook may come a few seconds after the confirmation page: ask again a few times. */
  private async watchOrder(client: StorefrontClient, orderId: string): Promise<void> {
    for (let attempt = 0; attempt < 8 && client === this.client; attempt++) {
      try {
        this.orderEarned = await client.order(orderId);
        return;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 2_500));
      }
    }
  }

  private fail(error: unknown): void {
    const code = error instanceof StorefrontError ? error.code : 'network';
    this.error = code === 'insufficient_points' ? 'error.insufficient_points' : code === 'invalid_customer_token' ? 'error.token' : 'error.generic';
    if (error instanceof StorefrontError && error.status >= 400) console.warn(`Regulars widget: ${error.code}: ${error.message}`);
  }

  private async redeem(reward: Reward, points?: number): Promise<void> {
    if (!this.client || this.busy) return;
    this.busy = reward.id;
    this.error = undefined;
    try {
      const redemption: ShopperRedemption = await this.client.redeem(reward.id, points);
      this.redeemed = { ...redemption, reward_name: reward.name };
      this.shopper = await this.client.me();
      this.say(`${this.words.t('rewards.your_code', { reward: reward.name })}: ${redemption.code ?? ''}`);
      this.dispatchEvent(new CustomEvent('regulars-redeemed', { detail: { code: redemption.code, reward_id: reward.id, redemption_id: redemption.id }, bubbles: true, composed: true }));
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#redeemed')?.focus();
    } catch (error) {
      this.fail(error);
    } finally {
      this.busy = undefined;
    }
  }

  private async claim(way: WayToEarn, birthday?: string): Promise<void> {
    if (!this.client || this.busy) return;
    this.busy = way.id;
    this.error = undefined;
    const type = way.event_type as 'social_follow' | 'newsletter_signup' | 'birthday';
    const action = type === 'social_follow' ? { type, network: way.network ?? '' } : type === 'birthday' ? { type, birthday: birthday ?? '' } : { type };
    try {
      const { points_awarded } = await this.client.claim(action);
      this.claimed.add(way.id);
      if (points_awarded) this.say(this.words.t('earn.points', { points: points_awarded }));
      this.shopper = await this.client.me();
    } catch (error) {
      if (error instanceof StorefrontError && error.code === 'birthday_already_set') this.claimed.add(way.id);
      else this.fail(error);
      this.requestUpdate();
    } finally {
      this.busy = undefined;
    }
  }

  /** Saves the profile form; the first complete profile may earn points, and the balance shows them. */
  private async saveProfile(answers: ProfileAnswers): Promise<void> {
    if (!this.client || this.busy) return;
    this.error = undefined;
    if (Object.keys(answers).length === 0) return void (this.profileNote = this.words.t('profile.nothing'));
    this.busy = 'profile';
    try {
      const saved = await this.client.saveProfile(answers, this.language);
      this.profile = saved;
      this.profileNote = saved.points_awarded ? this.words.t('profile.earned', { points: saved.points_awarded }) : this.words.t('profile.saved');
      this.say(this.profileNote);
      if (saved.points_awarded) this.shopper = await this.client.me();
    } catch (error) {
      this.profileNote = undefined;
      this.fail(error);
    } finally {
      this.busy = undefined;
    }
  }

  /** Sends the 0–10 answer; the first this quarter may earn points, and the balance shows them. */
  private async answerSurvey(score: number | null, comment: string | null): Promise<void> {
    if (!this.client || this.busy) return;
    this.error = undefined;
    if (score === null) {
      this.surveyNote = this.words.t('survey.choose');
      return this.renderRoot.querySelector<HTMLElement>('input[name=score]')?.focus();
    }
    this.busy = 'survey';
    try {
      const saved = await this.client.answerSurvey(score, comment);
      Object.assign(this, { survey: saved, surveyEarned: saved.points_awarded, surveyNote: undefined });
      this.say([this.words.t('survey.thanks'), saved.points_awarded ? this.words.t('survey.earned', { points: saved.points_awarded }) : ''].join(' ').trim());
      // The form is gone with the button that had the focus: the thanks take it.
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#survey-thanks')?.focus();
      if (saved.points_awarded) this.shopper = await this.client.me();
    } catch (error) {
      this.fail(error);
    } finally {
      this.busy = undefined;
    }
  }

  /** Saves where the program's share of the shopper's orders goes (null: wherever the store chose), and says so. */
  private async chooseCause(causeId: string | null): Promise<void> {
    if (!this.client || this.busy) return;
    this.error = undefined;
    this.busy = 'giving';
    try {
      const saved = await this.client.chooseCause(causeId);
      const cause = saved.causes.find((c) => c.id === (saved.cause_id ?? saved.default_cause_id));
      const note = cause ? this.words.t('giving.saved', { cause: cause.name }) : this.words.t('giving.saved_none');
      this.giving = saved;
      this.givingNote = note;
      this.say(note);
    } catch (error) {
      this.givingNote = undefined;
      this.fail(error);
    } finally {
      this.busy = undefined;
    }
  }

  private async copy(text: string, what: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      const field = Object.assign(document.createElement('textarea'), { value: text });
      this.renderRoot.appendChild(field);
      field.select();
      document.execCommand('copy');
      field.remove();
    }
    this.copied = what;
    this.say(this.words.t(what === 'link' ? 'referral.copied' : 'rewards.copied'));
    setTimeout(() => this.copied === what && (this.copied = undefined), 3_000);
  }

  private share(): void {
    if (!this.referral || !this.program) return;
    navigator.share({ title: this.program.name, text: this.words.t('referral.share_text', { program: this.program.name }), url: this.referral.link }).catch(() => undefined);
  }

  private async loadActivity(): Promise<void> {
    if (!this.client || this.activity) return;
    this.activity = (await this.client.activity().catch(() => ({ data: [] }))).data;
  }

  /** Said to screen readers through the live region (and seen where the views show it). */
  private say(text: string): void {
    this.announcement = '';
    void this.updateComplete.then(() => (this.announcement = text));
  }

  private get words() {
    return wordsOf(this.language, this.messages?.catalog ?? {}, this.program?.texts);
  }

  private get dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  /** Opens the panel (also for the page: document.querySelector('regulars-widget').show()). */
  async show(): Promise<void> {
    const dialog = this.dialog;
    if (!dialog || dialog.open) return;
    dialog.showModal();
    await this.updateComplete;
    dialog.querySelector<HTMLElement>('.close')?.focus();
  }

  close(): void {
    this.dialog?.close();
  }

  /** Tab and Shift+Tab go round the panel's controls; the page behind is inert while it is open. */
  private trapFocus(event: KeyboardEvent): void {
    if (event.key !== 'Tab') return;
    const focusable = [...(this.dialog?.querySelectorAll<HTMLElement>('a[href], button:not([disabled]), input, summary, [tabindex="0"]') ?? [])].filter((e) => e.offsetParent !== null || e === document.activeElement);
    const first = focusable[0];
    const last = focusable.at(-1);
    const active = (this.renderRoot as ShadowRoot).activeElement;
    if (!first || !last) return;
    if (event.shiftKey && (active === first || !active)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && active === last) {
      event.preventDefault();
      first.focus();
    }
  }

  protected override render() {
    if (!this.messages) return nothing;
    const dir = RTL.has(this.language) ? 'rtl' : 'ltr';
    const body = this.mode === 'inline' ? html`<div class="inline" part="panel">${this.content()}</div>` : this.mode === 'order' ? this.orderBlock() : this.launcherAndPanel();
    return html`<div class=${dir} dir=${dir} lang=${this.language}>${body}</div>`;
  }

  private launcherAndPanel() {
    const w = this.words;
    const theme = this.program?.theme ?? {};
    const side = theme.launcher_position === 'start' ? 'start' : '';
    const title = this.program ? w.t('panel.title', { program: this.program.name }) : w.t('launcher.label');
    return html`
      <button class="launcher ${side}" part="launcher" aria-haspopup="dialog" @click=${() => this.show()}>
        <svg viewBox="0 0 24 24" aria-hidden="true">${ICONS[theme.launcher_icon ?? 'star']}</svg>${theme.launcher_label ?? w.t('launcher.label')}
      </button>
      <dialog class=${side} part="panel" aria-labelledby="panel-title" @keydown=${this.trapFocus} @close=${() => this.renderRoot.querySelector<HTMLElement>('.launcher')?.focus()}>
        <header class="top" part="header"><h2 id="panel-title">${title}</h2>
          <button class="close" aria-label=${w.t('panel.close')} @click=${() => this.close()}><span aria-hidden="true">×</span></button></header>
        <div class="body">${this.content()}</div>
      </dialog>`;
  }

  private content() {
    const w = this.words;
    const view = this.view();
    return html`
      <p class="sr-only" role="status">${this.announcement}</p>
      ${this.error ? html`<p class="alert" role="alert">${w.t(this.error)}</p>` : nothing}
      ${!view ? (this.error ? nothing : html`<p class="note">${w.t('loading')}</p>`) : this.shopper ? memberView(view, this.shopper) : guestView(view)}`;
  }

  private orderBlock() {
    if (!this.program) return nothing;
    return orderView(this.words, this.program, { ...(this.orderTotal ? { total: this.orderTotal } : {}), ...(this.orderEarned ? { earned: this.orderEarned } : {}), signedIn: this.shopper !== undefined });
  }

  private view(): View | undefined {
    if (!this.program) return undefined;
    return {
      w: this.words,
      program: this.program,
      ...(this.shopper ? { shopper: this.shopper } : {}),
      ...(this.referral ? { referral: this.referral } : {}),
      ...(this.activity ? { activity: this.activity } : {}),
      ...(this.profile ? { profile: this.profile } : {}),
      ...(this.profileNote ? { profileNote: this.profileNote } : {}),
      ...(this.survey ? { survey: this.survey } : {}),
      ...(this.surveyEarned !== undefined ? { surveyEarned: this.surveyEarned } : {}),
      ...(this.surveyNote ? { surveyNote: this.surveyNote } : {}),
      ...(this.giving ? { giving: this.giving } : {}),
      ...(this.givingNote ? { givingNote: this.givingNote } : {}),
      ...(this.redeemed ? { redeemed: this.redeemed } : {}),
      ...(this.busy ? { busy: this.busy } : {}),
      ...(this.copied ? { copied: this.copied } : {}),
      claimed: this.claimed,
      canShare: typeof navigator.share === 'function',
      redeem: (reward, points) => void this.redeem(reward, points),
      claim: (way, birthday) => void this.claim(way, birthday),
      copy: (text, what) => void this.copy(text, what),
      share: () => this.share(),
      loadActivity: () => void this.loadActivity(),
      saveProfile: (answers) => void this.saveProfile(answers),
      answerSurvey: (score, comment) => void this.answerSurvey(score, comment),
      chooseCause: (causeId) => void this.chooseCause(causeId),
    };
  }
}

if (!customElements.get('regulars-widget')) customElements.define('regulars-widget', RegularsWidget);

declare global {
  interface HTMLElementTagNameMap {
    'regulars-widget': RegularsWidget;
  }
}
