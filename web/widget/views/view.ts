import type { Words } from '../../../shopper/program-words.ts';
import type { Activity, ProfileAnswers, Shopper, ShopperGiving, ShopperProfile, ShopperRedemption, ShopperReferral, ShopperSurvey, StorefrontProgram } from '../storefront-client.ts';

export type WayToEarn = StorefrontProgram['ways_to_earn'][number];
export type Reward = StorefrontProgram['rewards'][number];

/** What the views read from the widget and the shopper's doings they hand back to it. */
export interface View {
  w: Words;
  program: StorefrontProgram;
  shopper?: Shopper;
  referral?: ShopperReferral;
  activity?: Activity[];
  /** The profile questions with the shopper's answers, and what saving them last said. */
  profile?: ShopperProfile;
  profileNote?: string;
  /** This quarter's 0–10 question; once answered here, what the answer earned; a prompt to choose a score. */
  survey?: ShopperSurvey;
  surveyEarned?: number;
  surveyNote?: string;
  /** Merchant-funded giving: the causes, the shopper's choice, what they have given; what saving a choice last said. */
  giving?: ShopperGiving;
  givingNote?: string;
  /** The code a redemption just gave, shown with its reward's name. */
  redeemed?: ShopperRedemption & { reward_name: string };
  /** The reward or way to earn whose request is on its way. */
  busy?: string;
  claimed: ReadonlySet<string>;
  copied?: string;
  canShare: boolean;
  redeem(reward: Reward, points?: number): void;
  claim(way: WayToEarn, birthday?: string): void;
  copy(text: string, what: string): void;
  share(): void;
  loadActivity(): void;
  saveProfile(answers: ProfileAnswers): void;
  answerSurvey(score: number | null, comment: string | null): void;
  chooseCause(causeId: string | null): void;
}
